using CsCheck;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ir;
using Palisade.Policy.Loading;
using Palisade.Testing.Generators;

namespace Palisade.Engine.Tests.Properties;

/// <summary>
/// An engine made by <see cref="PolicyEngine.WithPolicies"/> from an engine with other policies decides exactly as one
/// built from scratch with those policies — on random clusters mixing Kubernetes and Cilium policies, for every pod
/// pair (allowed ports), and for every pod's isolation and rules in both directions.
/// </summary>
public class WithPoliciesTests
{
    [Fact]
    public void WithPolicies_FromHalfThePolicies_DecidesAsABuildFromScratch()
    {
        CiliumPolicyGen.Mixed.Sample(Check, iter: 300, print: CiliumOracleComparison.Summary);
    }

    private static void Check(MixedCluster generated)
    {
        var set = ManifestLoader.LoadText(generated.ToYaml(), "generated.yaml");
        var cluster = ClusterStateBuilder.Build(set);
        var policies = EngineLoader.Lower(set, new EngineInputs()).Policies;
        var fromScratch = PolicyEngine.Build(cluster, policies);
        var reused = PolicyEngine.Build(cluster, policies.Take(policies.Count / 2)).WithPolicies(policies);
        foreach (var a in cluster.Endpoints)
        {
            foreach (var direction in new[] { Direction.Ingress, Direction.Egress })
            {
                Assert.Equal(fromScratch.IsIsolated(a, direction), reused.IsIsolated(a, direction));
                Assert.Equal(fromScratch.HasRules(a, direction), reused.HasRules(a, direction));
            }
            foreach (var b in cluster.Endpoints)
            {
                var expected = fromScratch.AllowedPorts(fromScratch.ClassOf(a), fromScratch.ClassOf(b));
                var actual = reused.AllowedPorts(reused.ClassOf(a), reused.ClassOf(b));
                Assert.True(expected.Equals(actual), $"{a.Key} -> {b.Key}: from scratch {expected}, with policies {actual}\n{generated.ToYaml()}");
            }
        }
    }
}
