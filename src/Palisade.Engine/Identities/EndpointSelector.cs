using Palisade.Engine.Labels;

namespace Palisade.Engine.Identities;

/// <summary>
/// Selects cluster identities: pod labels AND a namespace constraint. This is the one selector form every dialect
/// lowers into (Kubernetes podSelector/namespaceSelector, Cilium endpointSelector with namespace labels).
/// </summary>
public sealed record EndpointSelector(LabelSelector Pods, NamespaceMatch Namespaces)
{
    /// <summary>True when <paramref name="identity"/> is selected.</summary>
    public bool Matches(Identity identity) => Namespaces.Matches(identity) && Pods.Matches(identity.PodLabels);

    /// <inheritdoc/>
    public override string ToString() => $"pods {Pods} in {Namespaces}";
}
