using CsCheck;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ir;
using Palisade.Engine.Ports;
using Palisade.Engine.Resolution;
using Palisade.Engine.Verdicts;

namespace Palisade.Engine.Tests.Properties;

/// <summary>
/// Audit mode on random mixed clusters, against two engines without audit: the one built without the audit policies
/// (what is enforced) and the one enforcing every policy (what would be). For every pod pair and probed port, each
/// side decides as the enforced engine does (a pod in audit mode as if no policy applied to it), except where that
/// allows and the all-enforced engine drops: then it is an audit naming that drop. Allowed ports are the enforced ones.
/// </summary>
public class AuditPropertyTests
{
    [Fact]
    public void Audit_policies_are_enforced_as_if_absent_and_audit_what_they_would_drop()
    {
        AuditedCluster.PoliciesOnly.Sample(Check, iter: 150, print: c => c.Summary());
    }

    [Fact]
    public void Audit_policies_and_pods_in_audit_mode_audit_exactly_the_would_be_drops()
    {
        AuditedCluster.Any.Sample(c => Check(c with { ClusterWide = false }), iter: 150, print: c => c.Summary());
    }

    private static void Check(AuditedCluster generated)
    {
        var (plain, cluster, policies) = generated.Load();
        var marked = generated.Mark(policies);
        var audited = PolicyEngine.Build(cluster, marked);
        var enforced = PolicyEngine.Build(plain, marked.Where(p => !p.Audit));
        var wouldBe = PolicyEngine.Build(plain, policies);
        foreach (var a in cluster.Endpoints)
        {
            foreach (var b in cluster.Endpoints)
            {
                var ports = audited.AllowedPorts(audited.ClassOf(a), audited.ClassOf(b));
                if (!a.Audit && !b.Audit) Assert.Equal(enforced.AllowedPorts(enforced.ClassOf(a), enforced.ClassOf(b)), ports);
                foreach (var (protocol, port) in Probes(audited, a, b))
                {
                    var flow = new FlowQuery(a, a.PrimaryAddress, b, b.PrimaryAddress, protocol, port);
                    var verdict = audited.Evaluate(flow);
                    var enforcedVerdict = enforced.Evaluate(flow);
                    var wouldBeVerdict = wouldBe.Evaluate(flow);
                    AssertSide(verdict.Egress, Expected(a, enforcedVerdict.Egress), wouldBeVerdict.Egress, generated);
                    AssertSide(verdict.Ingress, Expected(b, enforcedVerdict.Ingress), wouldBeVerdict.Ingress, generated);
                    Assert.Equal(verdict.Allowed, ports.Contains(protocol, port));
                }
            }
        }
    }

    /// <summary>What is enforced on one side: nothing for a managed pod in audit mode, else what the engine without audit policies says.</summary>
    private static SideVerdict Expected(Endpoint endpoint, SideVerdict enforced) =>
        endpoint.Audit && enforced.Reason != SideReason.NotEvaluated
            ? new SideVerdict(enforced.Direction, enforced.Endpoint, true, SideReason.NotIsolated, [], [])
            : enforced;

    private static void AssertSide(SideVerdict actual, SideVerdict enforced, SideVerdict wouldBe, AuditedCluster generated)
    {
        var audit = enforced.Allowed && !wouldBe.Allowed;
        var expected = audit ? PortProbes.KeyOf(wouldBe with { Reason = SideReason.Audit, WouldBe = wouldBe.Reason }) : PortProbes.KeyOf(enforced);
        if (expected != PortProbes.KeyOf(actual))
        {
            Assert.Fail($"{actual.Direction} of {actual.Endpoint}: expected {expected}, got {PortProbes.KeyOf(actual)}\n{generated.Summary()}\n{generated.Generated.ToYaml()}");
        }
        Assert.Equal(enforced.Allowed, actual.Allowed);
        if (audit) Assert.StartsWith("audit: would be denied by ", actual.Explain(), StringComparison.Ordinal);
    }

    private static IEnumerable<(Protocol, int)> Probes(PolicyEngine engine, Endpoint a, Endpoint b)
    {
        if (a.HostNetwork || b.HostNetwork) return PortProbes.Of([]);
        var (ca, cb) = (engine.ClassOf(a), engine.ClassOf(b));
        return PortProbes.Of([
            .. engine.SideDecisions(ca, Direction.Egress, PeerRef.Of(cb), PortSet.Universe),
            .. engine.SideDecisions(cb, Direction.Ingress, PeerRef.Of(ca), PortSet.Universe)]);
    }
}
