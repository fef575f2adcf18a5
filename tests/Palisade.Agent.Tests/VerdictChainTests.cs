using Palisade.Agent.Compilation;
using Palisade.Agent.Programming;
using Palisade.Datapath.Fake;
using Palisade.Datapath.Nft;
using Palisade.Engine.Ir;
using Palisade.Engine.Verdicts;
using static Palisade.Agent.Tests.Support.Clusters;

namespace Palisade.Agent.Tests;

/// <summary>
/// Every packet a policy chain decides passes through the chain of its verdict, which logs it with the verdict's
/// number: the number names the rule that decided (or the policies that isolated the pod), as the engine explains it.
/// </summary>
public sealed class VerdictChainTests
{
    private const string DenyXwing = """
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: no-xwing-81, namespace: default}
        spec:
          endpointSelector: {matchLabels: {class: deathstar}}
          ingressDeny:
          - fromEndpoints: [{matchLabels: {class: xwing}}]
            toPorts: [{ports: [{port: "81", protocol: TCP}]}]
        """;

    [Fact]
    public async Task Trace_AllowedDeniedAndDefaultDenied_LogTheNumberOfTheDecidingRule()
    {
        var kernel = new FakeNftables();
        var agent = AgentFor("node-1", kernel);
        var engine = EngineOf(StarWars, Rule1, DenyXwing);
        await agent.SyncAsync(engine);

        var allowed = Decision(agent, kernel.Trace(Syn(engine, "node-1", "tiefighter", "deathstar", 80)), NftVerdictKind.Accept, Direction.Ingress);
        Assert.Equal(SideReason.AllowedByRule, allowed.Reason);
        Assert.Equal("CiliumNetworkPolicy default/rule1", Assert.Single(allowed.DecidedBy).Policy.ToString());

        var defaultDeny = Decision(agent, kernel.Trace(Syn(engine, "node-1", "xwing", "deathstar", 80)), NftVerdictKind.Drop, Direction.Ingress);
        Assert.Equal(SideReason.DefaultDeny, defaultDeny.Reason);
        // A Cilium policy with only deny rules isolates too (its ingressDeny section turns default deny on).
        Assert.Equal(["CiliumNetworkPolicy default/no-xwing-81", "CiliumNetworkPolicy default/rule1"], defaultDeny.IsolatedBy.Select(p => p.ToString()).Order(StringComparer.Ordinal));

        var denied = Decision(agent, kernel.Trace(Syn(engine, "node-1", "xwing", "deathstar", 81)), NftVerdictKind.Drop, Direction.Ingress);
        Assert.Equal(SideReason.DeniedByRule, denied.Reason);
        Assert.Equal("CiliumNetworkPolicy default/no-xwing-81", Assert.Single(denied.DecidedBy).Policy.ToString());
    }

    [Fact]
    public async Task Trace_PodWithoutPolicy_LogsTheOpenVerdictOfEachDirection()
    {
        var kernel = new FakeNftables();
        var agent = AgentFor("node-1", kernel);
        var engine = EngineOf(StarWars, Rule1);
        await agent.SyncAsync(engine);
        var trace = kernel.Trace(Syn(engine, "node-1", "deathstar", "tiefighter", 9999));
        Assert.Equal(NftVerdictKind.Accept, trace.Verdict);
        Assert.Equal([$"{FlowLogging.Prefix}{VerdictNumbering.OpenEgress}", $"{FlowLogging.Prefix}{VerdictNumbering.OpenIngress}"], trace.Logged.Select(l => l.Prefix));
        Assert.All(trace.Logged, l => Assert.Equal(FlowLogging.DefaultGroup, l.Group));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task Trace_LoggingSwitchedOff_EnforcesTheSameAndLogsOnlyWhatIsOn(bool allowed, bool drops)
    {
        var kernel = new FakeNftables();
        var agent = new NodeAgent("node-1", kernel, InterfaceOf, new NodeTable(logging: new FlowLogging(Drops: drops, Allowed: allowed)));
        var engine = EngineOf(StarWars, Rule1);
        await agent.SyncAsync(engine);
        var pass = kernel.Trace(Syn(engine, "node-1", "tiefighter", "deathstar", 80));
        var drop = kernel.Trace(Syn(engine, "node-1", "xwing", "deathstar", 80));
        Assert.Equal((NftVerdictKind.Accept, NftVerdictKind.Drop), (pass.Verdict, drop.Verdict));
        Assert.Equal(allowed ? 2 : 0, pass.Logged.Count);   // egress (open) and ingress (rule1)
        Assert.Equal(drops ? 1 : 0, drop.Logged.Count(l => agent.Verdict(Number(l.Prefix!))!.Decision.Allowed is false));
    }

    [Fact]
    public async Task Sync_RuleOfAPolicyChanged_MovesEntriesToTheNewVerdictAndDeletesTheOldChain()
    {
        var kernel = new FakeNftables();
        var agent = AgentFor("node-1", kernel);
        await agent.SyncAsync(EngineOf(StarWars, Rule1));
        var before = agent.Applied!.Verdicts.Keys.ToHashSet();
        var renamed = Rule1.Replace("name: rule1", "name: rule2", StringComparison.Ordinal);
        var engine = EngineOf(StarWars, renamed);
        var plan = agent.Plan(engine);
        Assert.False(plan.Full);
        await agent.ApplyAsync(plan);
        var trace = kernel.Trace(Syn(engine, "node-1", "tiefighter", "deathstar", 80));
        Assert.Equal("CiliumNetworkPolicy default/rule2", Assert.Single(Decision(agent, trace, NftVerdictKind.Accept, Direction.Ingress).DecidedBy).Policy.ToString());
        Assert.DoesNotContain(kernel.List(agent.Table.Table).Chains, c => before.Except(agent.Applied!.Verdicts.Keys).Any(n => c.Chain.Name == VerdictRule.ChainName(n)));
        Assert.True((await agent.SyncAsync(engine)).NothingSent);
    }

    /// <summary>The decision logged last (the ingress side on this path) after checking the packet's fate.</summary>
    private static SideDecision Decision(NodeAgent agent, NftTrace trace, NftVerdictKind expected, Direction direction)
    {
        Assert.Equal(expected, trace.Verdict);
        var prefix = trace.Logged[^1].Prefix!;
        Assert.StartsWith(FlowLogging.Prefix, prefix, StringComparison.Ordinal);
        var verdict = agent.Verdict(Number(prefix));
        Assert.NotNull(verdict);
        Assert.Equal(direction, verdict.Direction);
        Assert.Equal(expected == NftVerdictKind.Accept, verdict.Decision.Allowed);
        return verdict.Decision;
    }

    private static uint Number(string prefix) => uint.Parse(prefix[FlowLogging.Prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
}
