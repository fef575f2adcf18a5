using Palisade.Testing.Oracle;

namespace Palisade.Testing.Generators;

/// <summary>A generated cluster (namespaces, pods, Kubernetes NetworkPolicies) plus CiliumNetworkPolicies.</summary>
/// <param name="Cluster">The Kubernetes part.</param>
/// <param name="CiliumPolicies">The CiliumNetworkPolicies.</param>
public sealed record MixedCluster(GeneratedCluster Cluster, IReadOnlyList<CiliumGeneratedPolicy> CiliumPolicies)
{
    /// <summary>The oracle's view of both kinds of policy.</summary>
    public CiliumOracleCluster ToOracle() => new(
        Cluster.ToOracle(),
        [.. CiliumPolicies.Select(policy => policy.Model)],
        Cluster.Pods
            .Where(pod => pod.Spec.ServiceAccountName is not null)
            .ToDictionary(pod => $"{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}", pod => pod.Spec.ServiceAccountName));

    /// <summary>All objects as one multi-document YAML stream: the Kubernetes objects, then the CiliumNetworkPolicies.</summary>
    public string ToYaml() => string.Join("---\n", [Cluster.ToYaml(), .. CiliumPolicies.Select(policy => policy.Yaml)]);
}
