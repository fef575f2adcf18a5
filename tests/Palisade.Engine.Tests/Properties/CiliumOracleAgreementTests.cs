using CsCheck;
using Palisade.Testing.Generators;

namespace Palisade.Engine.Tests.Properties;

/// <summary>
/// The engine agrees with the independent Cilium oracle on random clusters mixing CiliumNetworkPolicies (L3/L4) with
/// Kubernetes NetworkPolicies (YAML → loader → engine → matrix).
/// </summary>
public class CiliumOracleAgreementTests
{
    /// <summary>
    /// Mixed clusters per default run: every generator branch many times over. Building the engine and its matrix
    /// dominates; the three tests together take about 20 s on 2 cores.
    /// </summary>
    private const long Iterations = 2_000;

    [Fact]
    public void Engine_agrees_with_the_Cilium_oracle_on_every_pod_pair_port_and_outside_address()
    {
        CiliumPolicyGen.Mixed.Sample(CiliumOracleComparison.Check, iter: Iterations, print: CiliumOracleComparison.Summary);
    }

    [Fact]
    public void Engine_agrees_with_the_Cilium_oracle_on_Cilium_policies_alone()
    {
        var ciliumOnly = CiliumPolicyGen.Create(new ClusterGenOptions(MaxPolicies: 0), maxCiliumPolicies: 4);
        ciliumOnly.Sample(CiliumOracleComparison.Check, iter: Iterations / 4, print: CiliumOracleComparison.Summary);
    }

    [Fact]
    public void Engine_agrees_with_the_Cilium_oracle_when_many_pods_are_host_network()
    {
        var hostHeavy = CiliumPolicyGen.WithHostNetworkPods(CiliumPolicyGen.Mixed, every: 3);
        hostHeavy.Sample(CiliumOracleComparison.Check, iter: Iterations / 8, print: CiliumOracleComparison.Summary);
    }
}
