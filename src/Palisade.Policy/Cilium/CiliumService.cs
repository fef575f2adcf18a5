namespace Palisade.Policy.Cilium;

/// <summary>One entry of <c>toServices</c>: a Kubernetes service by name or by its labels.</summary>
public sealed record CiliumService
{
    /// <summary>A service by name and namespace.</summary>
    public K8sServiceNamespace? K8sService { get; init; }

    /// <summary>Services by label selector and namespace.</summary>
    public K8sServiceSelectorNamespace? K8sServiceSelector { get; init; }
}
