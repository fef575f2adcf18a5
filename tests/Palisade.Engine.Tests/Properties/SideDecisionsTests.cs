using CsCheck;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ir;
using Palisade.Engine.Ports;
using Palisade.Engine.Resolution;
using Palisade.Engine.Verdicts;
using Palisade.Policy.Loading;
using Palisade.Testing.Generators;

namespace Palisade.Engine.Tests.Properties;

/// <summary>
/// <see cref="PolicyEngine.SideDecisions"/> partitions the ports exactly, and for every port says what
/// <see cref="PolicyEngine.Evaluate"/> explains for that side — the reason, the deciding rules in order, the isolating
/// policies — on random clusters mixing Kubernetes and Cilium policies (allow and deny rules, ranges, named ports).
/// </summary>
public class SideDecisionsTests
{
    private static readonly int[] Probes = [0, 1, 53, 79, 80, 81, 443, 5432, 8080, 8443, 9090, 65535];

    [Fact]
    public void SideDecisions_OnMixedClusters_AgreeWithEvaluateOnEveryPort()
    {
        CiliumPolicyGen.Mixed.Sample(Check, iter: 200, print: CiliumOracleComparison.Summary);
    }

    private static void Check(MixedCluster generated)
    {
        var set = ManifestLoader.LoadText(generated.ToYaml(), "generated.yaml");
        var engine = PolicyEngine.Build(ClusterStateBuilder.Build(set), EngineLoader.Lower(set, new EngineInputs()).Policies);
        var pods = engine.Cluster.Endpoints.Where(e => !e.HostNetwork).ToList();
        foreach (var a in pods)
        {
            foreach (var b in pods)
            {
                var egress = engine.SideDecisions(engine.ClassOf(a), Direction.Egress, PeerRef.Of(engine.ClassOf(b)), PortSet.Universe);
                var ingress = engine.SideDecisions(engine.ClassOf(b), Direction.Ingress, PeerRef.Of(engine.ClassOf(a)), PortSet.Universe);
                AssertPartition(egress);
                AssertPartition(ingress);
                foreach (var (protocol, port) in PortsToProbe(egress.Concat(ingress)))
                {
                    var verdict = engine.Evaluate(new FlowQuery(a, a.PrimaryAddress, b, b.PrimaryAddress, protocol, port));
                    Assert.Equal(KeyOf(verdict.Egress), At(egress, protocol, port).Key);
                    Assert.Equal(KeyOf(verdict.Ingress), At(ingress, protocol, port).Key);
                    Assert.Equal(verdict.Egress.Allowed, At(egress, protocol, port).Allowed);
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

    /// <summary>Fixed ports plus both edges of every decided range and the ports just outside them.</summary>
    private static IEnumerable<(Protocol, int)> PortsToProbe(IEnumerable<(PortSet Ports, SideDecision Decision)> decisions)
    {
        var ports = new HashSet<(Protocol, int)>();
        foreach (var protocol in PortSet.L4Protocols) ports.UnionWith(Probes.Select(p => (protocol, p)));
        foreach (var range in decisions.SelectMany(d => d.Ports.Ranges))
        {
            foreach (var p in new[] { range.From - 1, range.From, range.To, range.To + 1 }.Where(p => p is >= 0 and <= 65535)) ports.Add((range.Protocol, p));
        }
        return ports;
    }

    private static SideDecision At(IReadOnlyList<(PortSet Ports, SideDecision Decision)> decisions, Protocol protocol, int port) =>
        decisions.Single(d => d.Ports.Contains(protocol, port)).Decision;

    private static string KeyOf(SideVerdict side) => new SideDecision(side.Reason, side.DecidedBy, side.IsolatedBy).Key;
}
