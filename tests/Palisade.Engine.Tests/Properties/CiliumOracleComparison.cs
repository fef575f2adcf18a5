using Palisade.Engine.Cluster;
using Palisade.Testing.Generators;
using Palisade.Testing.Oracle;

namespace Palisade.Engine.Tests.Properties;

/// <summary>
/// Compares the engine with the independent Cilium oracle on one generated cluster mixing CiliumNetworkPolicies and
/// Kubernetes NetworkPolicies, exactly as <see cref="OracleComparison"/> does for NetworkPolicy alone: every pod pair
/// and probe port through the reachability matrix, every outside address in both directions through
/// <see cref="PolicyEngine.Evaluate"/>. Every disagreement is reported with the YAML that reproduces it.
/// </summary>
internal static class CiliumOracleComparison
{
    /// <summary>Fails, printing the YAML and every disagreeing cell, when the engine and the oracle differ anywhere.</summary>
    public static void Check(MixedCluster cluster) => Check(cluster, new ClusterOptions());

    /// <inheritdoc cref="Check(MixedCluster)"/>
    public static void Check(MixedCluster cluster, ClusterOptions options)
    {
        var yaml = cluster.ToYaml();
        OracleComparison.ThrowIfAny(Problems(cluster, options), "Cilium oracle", yaml);
    }

    /// <summary>Every disagreement on the cluster (empty when the engine and the oracle agree everywhere).</summary>
    public static IReadOnlyList<string> Problems(MixedCluster cluster, ClusterOptions options)
    {
        var oracle = cluster.ToOracle();
        return OracleComparison.Problems(cluster.ToYaml(), options, oracle.Pods,
            (src, srcIp, dst, dstIp, protocol, port) => CiliumOracle.Allows(oracle, src, srcIp, dst, dstIp, protocol, port));
    }

    /// <summary>A one-line summary for CsCheck's report; the failure message itself holds the YAML.</summary>
    public static string Summary(MixedCluster cluster) =>
        $"{cluster.Cluster.Namespaces.Count} namespace(s), {cluster.Cluster.Pods.Count} pod(s), "
        + $"{cluster.Cluster.Policies.Count} NetworkPolicy(ies), {cluster.CiliumPolicies.Count} CiliumNetworkPolicy(ies); YAML in the message below";
}
