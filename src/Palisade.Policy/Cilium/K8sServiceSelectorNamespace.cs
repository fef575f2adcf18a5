using k8s.Models;

namespace Palisade.Policy.Cilium;

/// <summary>Kubernetes services by label selector; the namespace defaults to the policy's own.</summary>
public sealed record K8sServiceSelectorNamespace
{
    /// <summary>The selector over service labels; required.</summary>
    public V1LabelSelector? Selector { get; init; }

    /// <summary>The services' namespace.</summary>
    public string? Namespace { get; init; }
}
