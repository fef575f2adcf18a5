using CsCheck;
using Palisade.Engine.Cluster;
using Palisade.Testing.Generators;

namespace Palisade.Engine.Tests.Properties;

/// <summary>The engine agrees with the independent oracle on random clusters (YAML → loader → engine → matrix).</summary>
public class OracleAgreementTests
{
    /// <summary>Clusters per default run: enough to hit every generator branch many times, about 30 s on 2 cores.</summary>
    private const long Iterations = 10_000;

    [Fact]
    public void Engine_agrees_with_the_oracle_on_every_pod_pair_port_and_outside_address()
    {
        ClusterGen.Cluster.Sample(OracleComparison.Check, iter: Iterations, print: OracleComparison.Summary);
    }

    [Fact]
    public void Engine_agrees_with_the_oracle_on_larger_clusters_with_more_policies()
    {
        var larger = ClusterGen.Create(new ClusterGenOptions(MaxPods: 14, MaxPolicies: 8));
        larger.Sample(OracleComparison.Check, iter: Iterations / 20, print: OracleComparison.Summary);
    }

    [Fact]
    public void Engine_agrees_with_the_oracle_when_host_network_pods_are_enforced()
    {
        var enforced = new ClusterOptions { HostNetwork = HostNetworkMode.Enforced };
        ClusterGen.Cluster.Sample(c => OracleComparison.Check(c, enforced), iter: Iterations / 5, print: OracleComparison.Summary);
    }
}
