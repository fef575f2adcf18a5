using k8s.Models;

namespace Palisade.Policy.Loading;

/// <summary>A pod, declared directly or made from a workload's template, with its owning workload.</summary>
public sealed record LoadedPod(V1Pod Pod, WorkloadRef? Workload, SourceRef Source)
{
    /// <summary>The pod's namespace.</summary>
    public string Namespace => Pod.Metadata.NamespaceProperty;

    /// <summary>The pod's name.</summary>
    public string Name => Pod.Metadata.Name;
}
