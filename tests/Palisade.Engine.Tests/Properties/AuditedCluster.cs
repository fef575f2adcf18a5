using CsCheck;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ir;
using Palisade.Policy.Loading;
using Palisade.Testing.Generators;

namespace Palisade.Engine.Tests.Properties;

/// <summary>
/// A generated mixed cluster with a random subset of its lowered policies and of its pods in audit mode (bit i of a
/// mask for the i-th), and possibly the whole cluster.
/// </summary>
internal sealed record AuditedCluster(MixedCluster Generated, ulong PolicyMask, ulong PodMask, bool ClusterWide)
{
    /// <summary>Clusters with random audit policies only.</summary>
    public static Gen<AuditedCluster> PoliciesOnly { get; } =
        Gen.Select(CiliumPolicyGen.Mixed, Gen.ULong, (cluster, policies) => new AuditedCluster(cluster, policies, 0, false));

    /// <summary>Clusters with random audit policies and pods; one in five in cluster-wide audit mode.</summary>
    public static Gen<AuditedCluster> Any { get; } =
        Gen.Select(CiliumPolicyGen.Mixed, Gen.ULong, Gen.ULong, Gen.Int[0, 4], (cluster, policies, pods, roll) => new AuditedCluster(cluster, policies, pods, roll == 0));

    /// <summary>The cluster state as generated (no pod in audit), the same with the pods of the mask in audit, and the lowered policies (none in audit).</summary>
    public (ClusterState Plain, ClusterState Marked, IReadOnlyList<IrPolicy> Policies) Load()
    {
        var set = ManifestLoader.LoadText(Generated.ToYaml(), "generated.yaml");
        var plain = ClusterStateBuilder.Build(set);
        var endpoints = plain.Endpoints.Select((e, i) => Bit(PodMask, i) ? e with { Audit = true } : e).ToList();
        return (plain, new ClusterState(plain.Namespaces, endpoints, plain.Nodes, plain.Options), EngineLoader.Lower(set, new EngineInputs()).Policies);
    }

    /// <summary><paramref name="policies"/> with those of the mask in audit.</summary>
    public IReadOnlyList<IrPolicy> Mark(IReadOnlyList<IrPolicy> policies) =>
        [.. policies.Select((p, i) => Bit(PolicyMask, i) ? p with { Audit = true } : p)];

    /// <summary>The engine options (cluster-wide audit or not).</summary>
    public EngineOptions Options => new() { Audit = ClusterWide };

    /// <summary>A one-line summary for CsCheck's report.</summary>
    public string Summary() =>
        $"{CiliumOracleComparison.Summary(Generated)}; audit policies {PolicyMask:x16}, pods {PodMask:x16}, cluster-wide {ClusterWide}";

    private static bool Bit(ulong mask, int i) => ((mask >> (i % 64)) & 1) == 1;
}
