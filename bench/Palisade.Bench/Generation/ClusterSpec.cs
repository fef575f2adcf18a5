namespace Palisade.Bench.Generation;

/// <summary>
/// What to generate: how many pods and NetworkPolicies, and the seed that makes the output reproducible. A replica
/// factor k lays the cluster out for Pods/k pods and then runs every Deployment with k times its replicas: k times
/// the pods, the same identities (how cost is shown to follow identities, not pods).
/// </summary>
internal sealed record ClusterSpec(int Pods, int Policies, int Seed = 42, int ReplicaFactor = 1)
{
    /// <summary>A file name that identifies the generated cluster.</summary>
    public string FileName => $"cluster-{Pods}p-{Policies}np-x{ReplicaFactor}-s{Seed}.yaml";

    /// <inheritdoc/>
    public override string ToString() => $"{Pods} pods x {Policies} policies" + (ReplicaFactor > 1 ? $" (replicas x{ReplicaFactor})" : "");
}
