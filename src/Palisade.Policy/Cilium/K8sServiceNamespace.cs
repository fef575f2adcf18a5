namespace Palisade.Policy.Cilium;

/// <summary>A Kubernetes service by name; the namespace defaults to the policy's own.</summary>
public sealed record K8sServiceNamespace
{
    /// <summary>The service name.</summary>
    public string? ServiceName { get; init; }

    /// <summary>The service namespace.</summary>
    public string? Namespace { get; init; }
}
