using CsCheck;
using Palisade.Engine.Ir;
using Palisade.Engine.Ports;
using Palisade.Engine.Resolution;
using Palisade.Engine.Verdicts;
using Palisade.Testing.Generators;

namespace Palisade.Engine.Tests.Properties;

/// <summary>
/// <see cref="PolicyEngine.SideDecisions"/> partitions the ports exactly, and for every port says what
/// <see cref="PolicyEngine.Evaluate"/> explains for that side — the reason, the deciding rules in order, the isolating
/// policies — and what <see cref="PolicyEngine.SideAllowedPorts(EndpointClass, Direction, PeerRef)"/> allows, on random
/// clusters mixing Kubernetes and Cilium policies (allow and deny rules, ranges, named ports), with and without audit
/// policies, pods in audit mode and cluster-wide audit mode.
/// </summary>
public class SideDecisionsTests
{
    [Fact]
    public void SideDecisions_OnMixedClusters_AgreeWithEvaluateOnEveryPort()
    {
        CiliumPolicyGen.Mixed.Sample(g => Check(new AuditedCluster(g, 0, 0, false)), iter: 200, print: CiliumOracleComparison.Summary);
    }

    [Fact]
    public void SideDecisions_WithAuditPoliciesPodsAndClusterWideMode_AgreeWithEvaluateOnEveryPort()
    {
        AuditedCluster.Any.Sample(Check, iter: 200, print: c => c.Summary());
    }

    private static void Check(AuditedCluster generated)
    {
        var (_, cluster, policies) = generated.Load();
        var engine = PolicyEngine.Build(cluster, generated.Mark(policies), generated.Options);
        var pods = engine.Cluster.Endpoints.Where(e => !e.HostNetwork).ToList();
        foreach (var a in pods)
        {
            foreach (var b in pods)
            {
                var egress = engine.SideDecisions(engine.ClassOf(a), Direction.Egress, PeerRef.Of(engine.ClassOf(b)), PortSet.Universe);
                var ingress = engine.SideDecisions(engine.ClassOf(b), Direction.Ingress, PeerRef.Of(engine.ClassOf(a)), PortSet.Universe);
                AssertPartition(egress);
                AssertPartition(ingress);
                var allowed = engine.SideAllowedPorts(engine.ClassOf(a), Direction.Egress, PeerRef.Of(engine.ClassOf(b)));
                foreach (var (protocol, port) in PortProbes.Of(egress.Concat(ingress)))
                {
                    var verdict = engine.Evaluate(new FlowQuery(a, a.PrimaryAddress, b, b.PrimaryAddress, protocol, port));
                    Assert.Equal(PortProbes.KeyOf(verdict.Egress), PortProbes.At(egress, protocol, port).Key);
                    Assert.Equal(PortProbes.KeyOf(verdict.Ingress), PortProbes.At(ingress, protocol, port).Key);
                    Assert.Equal(verdict.Egress.Allowed, PortProbes.At(egress, protocol, port).Allowed);
                    Assert.Equal(verdict.Egress.Allowed, allowed.Contains(protocol, port));
                }
            }
        }
    }

    private static void AssertPartition(IReadOnlyList<(PortSet Ports, SideDecision Decision)> decisions)
    {
        var all = PortSet.Empty;
        foreach (var (ports, _) in decisions)
        {
            Assert.True(all.Intersect(ports).IsEmpty, $"overlapping decisions: {string.Join(" | ", decisions.Select(d => d.Ports))}");
            all = all.Union(ports);
        }
        Assert.Equal(PortSet.Universe, all);
    }
}
