using Palisade.Engine.Labels;

namespace Palisade.Engine.Identities;

/// <summary>
/// Selects cluster identities: pod labels AND a namespace constraint. This is the one selector form every dialect
/// lowers into (Kubernetes podSelector/namespaceSelector, Cilium endpointSelector with namespace labels).
/// </summary>
/// <param name="Pods">The label requirements.</param>
/// <param name="Namespaces">The namespace constraint.</param>
/// <param name="CiliumKeys">
/// True when <paramref name="Pods"/> uses Cilium's source-prefixed keys (<c>k8s:app</c>, <c>any:app</c>) and matches
/// <see cref="Identity.CiliumSelectorLabels"/>, which include the namespace, namespace-label and service-account labels.
/// </param>
public sealed record EndpointSelector(LabelSelector Pods, NamespaceMatch Namespaces, bool CiliumKeys = false)
{
    /// <summary>Selects no identity: the pod subject of a host policy, whose subject is nodes (<see cref="Ir.IrPolicy.Nodes"/>).</summary>
    public static EndpointSelector None { get; } =
        new(LabelSelector.Of([new Requirement("reserved:none", SelectorOperator.Exists, [])]), NamespaceMatch.Any, CiliumKeys: true);

    /// <summary>True when <paramref name="identity"/> is selected.</summary>
    public bool Matches(Identity identity) =>
        Namespaces.Matches(identity) && Pods.Matches(CiliumKeys ? identity.CiliumSelectorLabels : identity.PodLabels);

    /// <inheritdoc/>
    public override string ToString() => $"pods {Pods} in {Namespaces}";
}
