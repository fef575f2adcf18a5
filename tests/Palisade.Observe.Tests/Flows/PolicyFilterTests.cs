using Palisade.Observe.Flows;

namespace Palisade.Observe.Tests.Flows;

public class PolicyFilterTests
{
    [Theory]
    [InlineData("allow-web", true)]
    [InlineData("prod/allow-web", true)]
    [InlineData("ciliumnetworkpolicy:prod/allow-web", true)]
    [InlineData("CiliumNetworkPolicy:allow-web", true)]
    [InlineData("NetworkPolicy:prod/allow-web", false)]
    [InlineData("staging/allow-web", false)]
    [InlineData("allow", false)]
    [InlineData("prod/deny-db", false)]
    public void MatchesAPolicyThatAllowed(string value, bool matches)
    {
        var flow = TestFlows.Tcp();
        flow.EgressAllowedBy.Add(TestFlows.Policy("prod", "allow-web"));
        Assert.Equal(matches, Matches(flow, value));
    }

    [Fact]
    public void MatchesPoliciesThatDeniedOrIsolatedInEitherDirection()
    {
        var denied = TestFlows.Tcp(verdict: Verdict.Dropped);
        denied.IngressDeniedBy.Add(TestFlows.Policy("y", "deny", rule: 0));
        var isolated = TestFlows.Tcp(verdict: Verdict.Dropped, direction: TrafficDirection.Ingress);
        isolated.IngressIsolatedBy.Add(TestFlows.Policy("y", "deny-all", "NetworkPolicy"));
        isolated.EgressIsolatedBy.Add(TestFlows.Policy("", "lockdown", "CiliumClusterwideNetworkPolicy"));

        Assert.True(Matches(denied, "y/deny"));
        Assert.False(Matches(denied, "y/deny-all"));
        Assert.True(Matches(isolated, "networkpolicy:y/deny-all"));
        Assert.True(Matches(isolated, "lockdown"));
        Assert.True(Matches(isolated, "CiliumClusterwideNetworkPolicy:/lockdown"));
        Assert.False(Matches(isolated, "default/lockdown"));
        Assert.False(Matches(TestFlows.Tcp(), "y/deny"));
    }

    [Fact]
    public void SeveralValuesAreOred()
    {
        var flow = TestFlows.Tcp();
        flow.EgressAllowedBy.Add(TestFlows.Policy("prod", "allow-web"));
        var filter = new FlowFilter { Policy = { "nope", "prod/allow-web" } };
        Assert.True(FlowPredicate.Compile([filter], []).Matches(flow));
    }

    private static bool Matches(Flow flow, string value) =>
        FlowPredicate.Compile([new FlowFilter { Policy = { value } }], []).Matches(flow);
}
