namespace Palisade.Testing.Oracle;

/// <summary>A cluster with both Kubernetes NetworkPolicies and CiliumNetworkPolicies in force.</summary>
/// <param name="Kubernetes">Namespaces, pods and the Kubernetes NetworkPolicies (as the Kubernetes oracle sees them).</param>
/// <param name="CiliumPolicies">The CiliumNetworkPolicies.</param>
/// <param name="ServiceAccounts">spec.serviceAccountName per pod ("namespace/name"); pods not listed use "default".</param>
public sealed record CiliumOracleCluster(
    OracleCluster Kubernetes,
    IReadOnlyList<CiliumOraclePolicy> CiliumPolicies,
    IReadOnlyDictionary<string, string> ServiceAccounts)
{
    /// <summary>The pods of the cluster.</summary>
    public IReadOnlyList<OraclePod> Pods => Kubernetes.Pods;

    /// <summary>The pod's service account: its spec.serviceAccountName, or "default".</summary>
    public string ServiceAccount(OraclePod pod) =>
        ServiceAccounts.TryGetValue($"{pod.Namespace}/{pod.Name}", out var account) ? account : "default";
}
