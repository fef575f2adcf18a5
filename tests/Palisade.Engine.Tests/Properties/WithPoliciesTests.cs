using CsCheck;
using Palisade.Engine.Ir;
using Palisade.Engine.Ports;
using Palisade.Engine.Resolution;
using Palisade.Testing.Generators;

namespace Palisade.Engine.Tests.Properties;

/// <summary>
/// An engine made by <see cref="PolicyEngine.WithPolicies"/> from an engine with other policies decides exactly as one
/// built from scratch with those policies — on random clusters mixing Kubernetes and Cilium policies, with and without
/// audit policies, pods in audit mode and cluster-wide audit mode, for every pod pair (allowed ports, side decisions),
/// and for every pod's isolation and rules in both directions.
/// </summary>
public class WithPoliciesTests
{
    [Fact]
    public void WithPolicies_FromHalfThePolicies_DecidesAsABuildFromScratch()
    {
        CiliumPolicyGen.Mixed.Sample(g => Check(new AuditedCluster(g, 0, 0, false)), iter: 300, print: CiliumOracleComparison.Summary);
    }

    [Fact]
    public void WithPolicies_WithAuditPoliciesAndPods_DecidesAsABuildFromScratch()
    {
        AuditedCluster.Any.Sample(Check, iter: 150, print: c => c.Summary());
    }

    private static void Check(AuditedCluster generated)
    {
        var (_, cluster, lowered) = generated.Load();
        var policies = generated.Mark(lowered);
        var fromScratch = PolicyEngine.Build(cluster, policies, generated.Options);
        var reused = PolicyEngine.Build(cluster, policies.Take(policies.Count / 2), generated.Options).WithPolicies(policies);
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
                if (!expected.Equals(actual)) Assert.Fail($"{a.Key} -> {b.Key}: from scratch {expected}, with policies {actual}\n{generated.Generated.ToYaml()}");
                Assert.Equal(Decisions(fromScratch, a, b), Decisions(reused, a, b));
            }
        }
    }

    private static IEnumerable<string> Decisions(PolicyEngine engine, Cluster.Endpoint a, Cluster.Endpoint b) =>
        engine.SideDecisions(engine.ClassOf(b), Direction.Ingress, PeerRef.Of(engine.ClassOf(a)), PortSet.Universe)
            .Select(d => $"{d.Ports}={d.Decision.Key}").Order(StringComparer.Ordinal);
}
