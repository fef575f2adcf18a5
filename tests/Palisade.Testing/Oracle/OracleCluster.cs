using k8s.Models;

namespace Palisade.Testing.Oracle;

/// <summary>Everything the oracle needs: namespace labels, pods and the NetworkPolicies to evaluate.</summary>
/// <param name="NamespaceLabels">Labels per namespace name; kubernetes.io/metadata.name is implied.</param>
/// <param name="Pods">The pods of the cluster (used by callers to enumerate pairs).</param>
/// <param name="Policies">The networking.k8s.io/v1 NetworkPolicies in force.</param>
public sealed record OracleCluster(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> NamespaceLabels,
    IReadOnlyList<OraclePod> Pods,
    IReadOnlyList<V1NetworkPolicy> Policies);
