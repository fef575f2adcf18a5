using k8s.Models;

namespace Palisade.Policy.Loading;

/// <summary>A workload read from a manifest, expanded into pods once every node is known.</summary>
internal sealed record PendingWorkload(string Kind, string Namespace, string Name, V1PodTemplateSpec Template, int Replicas, SourceRef Source);
