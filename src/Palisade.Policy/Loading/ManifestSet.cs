using k8s.Models;
using Palisade.Policy.Diagnostics;

namespace Palisade.Policy.Loading;

/// <summary>
/// Everything loaded from a set of inputs: the objects Palisade uses, by kind, plus every diagnostic. Workloads are
/// already expanded into their pods; namespaces that are referenced but not declared are present (implicit).
/// </summary>
public sealed class ManifestSet
{
    /// <summary>Namespaces, declared and implicit, each labelled <c>kubernetes.io/metadata.name</c>.</summary>
    public required IReadOnlyList<Loaded<V1Namespace>> Namespaces { get; init; }

    /// <summary>Pods, declared and made from workloads.</summary>
    public required IReadOnlyList<LoadedPod> Pods { get; init; }

    /// <summary>Services.</summary>
    public required IReadOnlyList<Loaded<V1Service>> Services { get; init; }

    /// <summary>Nodes.</summary>
    public required IReadOnlyList<Loaded<V1Node>> Nodes { get; init; }

    /// <summary>Kubernetes NetworkPolicies.</summary>
    public required IReadOnlyList<Loaded<V1NetworkPolicy>> NetworkPolicies { get; init; }

    /// <summary>CiliumNetworkPolicies (namespaced).</summary>
    public IReadOnlyList<Loaded<Cilium.CiliumNetworkPolicy>> CiliumNetworkPolicies { get; init; } = [];

    /// <summary>CiliumClusterwideNetworkPolicies.</summary>
    public IReadOnlyList<Loaded<Cilium.CiliumClusterwideNetworkPolicy>> CiliumClusterwideNetworkPolicies { get; init; } = [];

    /// <summary>Errors, warnings and notices, in input order.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
