using Palisade.Engine.Ir;
using Palisade.Engine.Tests.Conformance;
using Palisade.Engine.Verdicts;
using static Palisade.Engine.Tests.Conformance.Scenario;

namespace Palisade.Engine.Tests.Verdicts;

/// <summary>
/// Every verdict explains both sides: the rules that allowed it (every allowing policy of a union), the policies whose
/// isolation made the default deny apply, or why the side was not isolated or not evaluated at all.
/// </summary>
public class ExplanationTests
{
    private static readonly ModelPolicy AFromB = NetworkPolicy("x", "a-from-b", """
        podSelector: {matchLabels: {pod: a}}
        ingress:
        - from: [{podSelector: {matchLabels: {pod: c}}}]
        - from: [{podSelector: {matchLabels: {pod: b}}}]
          ports: [{port: 80}]
        """);

    private static readonly ModelPolicy AFromX = NetworkPolicy("x", "a-from-x", """
        podSelector: {matchLabels: {pod: a}}
        ingress:
        - from: [{namespaceSelector: {matchLabels: {ns: x}}}]
        """);

    private static readonly ModelPolicy DenyAll = NetworkPolicy("x", "deny-all", """
        podSelector: {}
        policyTypes: [Ingress, Egress]
        """);

    private static PolicyRef Ref(string ns, string name) => new("NetworkPolicy", ns, name);

    [Fact]
    public void Without_policies_both_sides_are_not_isolated()
    {
        var verdict = ModelRun.Of(Model).Evaluate("x/b", "y/a", Probe.Tcp80);

        Assert.True(verdict.Allowed);
        AssertSide(verdict.Egress, Direction.Egress, "x/b", true, SideReason.NotIsolated);
        AssertSide(verdict.Ingress, Direction.Ingress, "y/a", true, SideReason.NotIsolated);
        Assert.Contains("not isolated", verdict.Ingress.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_allowed_flow_names_the_policy_and_the_rule_that_allowed_it()
    {
        var verdict = ModelRun.Of(Model.With(AFromB)).Evaluate("x/b", "x/a", Probe.Tcp80);

        Assert.True(verdict.Allowed);
        AssertSide(verdict.Egress, Direction.Egress, "x/b", true, SideReason.NotIsolated);
        AssertSide(verdict.Ingress, Direction.Ingress, "x/a", true, SideReason.AllowedByRule);
        var hit = Assert.Single(verdict.Ingress.DecidedBy);
        Assert.Equal(Ref("x", "a-from-b"), hit.Policy);
        Assert.Equal("ingress[1]", hit.Rule);
        Assert.Equal(1, hit.RuleIndex);
        Assert.Equal(RuleAction.Allow, hit.Action);
        Assert.Equal(Direction.Ingress, hit.Direction);
        Assert.Equal(IrPolicy.DefaultTier, hit.Tier);
        Assert.Equal("allowed by NetworkPolicy x/a-from-b ingress[1]", verdict.Ingress.Explain());
    }

    [Fact]
    public void A_flow_allowed_by_several_policies_lists_every_allowing_policy()
    {
        var verdict = ModelRun.Of(Model.With(AFromB, AFromX)).Evaluate("x/b", "x/a", Probe.Tcp80);

        AssertSide(verdict.Ingress, Direction.Ingress, "x/a", true, SideReason.AllowedByRule);
        Assert.Equal(
            ["NetworkPolicy x/a-from-b ingress[1]", "NetworkPolicy x/a-from-x ingress[0]"],
            verdict.Ingress.DecidedBy.Select(h => h.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_the_policies_whose_rules_match_the_flow_are_listed()
    {
        // a-from-b allows x/b only on TCP 80; on TCP 81 only a-from-x does.
        var verdict = ModelRun.Of(Model.With(AFromB, AFromX)).Evaluate("x/b", "x/a", Probe.Tcp81);

        var hit = Assert.Single(verdict.Ingress.DecidedBy);
        Assert.Equal(Ref("x", "a-from-x"), hit.Policy);
    }

    [Fact]
    public void A_flow_matching_two_rules_of_one_policy_lists_both_rules()
    {
        var policy = NetworkPolicy("x", "twice", """
            podSelector: {matchLabels: {pod: a}}
            ingress:
            - ports: [{port: 80}]
            - from: [{podSelector: {matchLabels: {pod: b}}}]
            """);
        var verdict = ModelRun.Of(Model.With(policy)).Evaluate("x/b", "x/a", Probe.Tcp80);

        Assert.Equal(["ingress[0]", "ingress[1]"], verdict.Ingress.DecidedBy.Select(h => h.Rule).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_default_deny_names_every_policy_isolating_the_pod()
    {
        var verdict = ModelRun.Of(Model.With(AFromB, DenyAll)).Evaluate("y/b", "x/a", Probe.Tcp80);

        Assert.False(verdict.Allowed);
        AssertSide(verdict.Egress, Direction.Egress, "y/b", true, SideReason.NotIsolated);
        AssertSide(verdict.Ingress, Direction.Ingress, "x/a", false, SideReason.DefaultDeny);
        Assert.Empty(verdict.Ingress.DecidedBy);
        Assert.Equal([Ref("x", "a-from-b"), Ref("x", "deny-all")], verdict.Ingress.IsolatedBy.OrderBy(r => r.Name, StringComparer.Ordinal));
        Assert.Contains("isolated by NetworkPolicy x/a-from-b, NetworkPolicy x/deny-all", verdict.Ingress.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_egress_default_deny_is_explained_on_the_egress_side()
    {
        var verdict = ModelRun.Of(Model.With(DenyAll)).Evaluate("x/c", "y/a", Probe.Udp81);

        Assert.False(verdict.Allowed);
        AssertSide(verdict.Egress, Direction.Egress, "x/c", false, SideReason.DefaultDeny);
        Assert.Equal([Ref("x", "deny-all")], verdict.Egress.IsolatedBy);
        AssertSide(verdict.Ingress, Direction.Ingress, "y/a", true, SideReason.NotIsolated);
    }

    [Fact]
    public void An_egress_allow_names_the_egress_rule()
    {
        var policy = NetworkPolicy("y", "b-to-z", """
            podSelector: {matchLabels: {pod: b}}
            policyTypes: [Egress]
            egress:
            - to: [{podSelector: {matchLabels: {pod: a}}}]
            - to: [{namespaceSelector: {matchLabels: {ns: z}}}]
            """);
        var verdict = ModelRun.Of(Model.With(policy)).Evaluate("y/b", "z/c", Probe.Sctp80);

        AssertSide(verdict.Egress, Direction.Egress, "y/b", true, SideReason.AllowedByRule);
        var hit = Assert.Single(verdict.Egress.DecidedBy);
        Assert.Equal((Ref("y", "b-to-z"), "egress[1]", 1, Direction.Egress), (hit.Policy, hit.Rule, hit.RuleIndex, hit.Direction));
    }

    [Fact]
    public void The_same_pods_are_explained_per_port()
    {
        var run = ModelRun.Of(Model.With(AFromB));

        Assert.Equal(SideReason.AllowedByRule, run.Evaluate("x/b", "x/a", Probe.Tcp80).Ingress.Reason);
        var udp = run.Evaluate("x/b", "x/a", Probe.Udp80).Ingress;
        Assert.Equal(SideReason.DefaultDeny, udp.Reason);
        Assert.Equal([Ref("x", "a-from-b")], udp.IsolatedBy);
    }

    [Fact]
    public void An_outside_source_is_not_evaluated_and_the_pod_side_is()
    {
        var verdict = ModelRun.Of(Model.With(DenyAll)).FromOutside("192.0.2.10", "x/a", Probe.Tcp80);

        Assert.False(verdict.Allowed);
        AssertSide(verdict.Egress, Direction.Egress, "192.0.2.10", true, SideReason.NotEvaluated);
        AssertSide(verdict.Ingress, Direction.Ingress, "x/a", false, SideReason.DefaultDeny);
        Assert.Null(verdict.Flow.Source);
    }

    [Fact]
    public void An_outside_destination_is_not_evaluated_and_the_pod_side_is()
    {
        var policy = NetworkPolicy("x", "to-documentation-net", """
            podSelector: {}
            policyTypes: [Egress]
            egress:
            - to: [{ipBlock: {cidr: 192.0.2.0/24}}]
            """);
        var verdict = ModelRun.Of(Model.With(policy)).ToOutside("x/b", "192.0.2.10", Probe.Tcp80);

        Assert.True(verdict.Allowed);
        AssertSide(verdict.Egress, Direction.Egress, "x/b", true, SideReason.AllowedByRule);
        Assert.Equal("egress[0]", Assert.Single(verdict.Egress.DecidedBy).Rule);
        AssertSide(verdict.Ingress, Direction.Ingress, "192.0.2.10", true, SideReason.NotEvaluated);
        Assert.Equal("not evaluated (not a managed pod)", verdict.Ingress.Explain());
    }

    [Fact]
    public void An_exempt_host_network_pod_is_not_evaluated_on_its_side()
    {
        var verdict = ModelRun.Of(Model.WithHostNetwork("x/c").With(DenyAll)).Evaluate("x/c", "y/a", Probe.Tcp80);

        Assert.True(verdict.Allowed);
        AssertSide(verdict.Egress, Direction.Egress, "x/c", true, SideReason.NotEvaluated);
        AssertSide(verdict.Ingress, Direction.Ingress, "y/a", true, SideReason.NotIsolated);
    }

    [Fact]
    public void Isolation_queries_agree_with_the_explanations()
    {
        var engine = ModelRun.Of(Model.With(AFromB, DenyAll)).Engine;
        var (xa, ya) = (engine.Cluster.Find("x/a")!, engine.Cluster.Find("y/a")!);

        Assert.True(engine.IsIsolated(xa, Direction.Ingress));
        Assert.True(engine.IsIsolated(xa, Direction.Egress));
        Assert.False(engine.IsIsolated(ya, Direction.Ingress));
        Assert.Equal([Ref("x", "a-from-b"), Ref("x", "deny-all")], engine.IsolatingPolicies(xa, Direction.Ingress).OrderBy(r => r.Name, StringComparer.Ordinal));
        Assert.Equal([Ref("x", "deny-all")], engine.IsolatingPolicies(xa, Direction.Egress));
        Assert.Empty(engine.IsolatingPolicies(ya, Direction.Egress));
    }

    private static void AssertSide(SideVerdict side, Direction direction, string endpoint, bool allowed, SideReason reason)
    {
        Assert.Equal((direction, endpoint, allowed, reason), (side.Direction, side.Endpoint, side.Allowed, side.Reason));
        if (reason is not SideReason.AllowedByRule and not SideReason.DeniedByRule) Assert.Empty(side.DecidedBy);
        if (reason is SideReason.NotIsolated or SideReason.NotEvaluated) Assert.Empty(side.IsolatedBy);
    }
}
