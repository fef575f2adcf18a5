using Palisade.Agent.Tests.Support;
using Palisade.Datapath.Fake;
using Palisade.Datapath.Nft;
using static Palisade.Agent.Tests.Support.Clusters;

namespace Palisade.Agent.Tests;

/// <summary>The agent's sync against the strict fake: full load, updates, nothing when nothing changed, resync after failure.</summary>
public sealed class NodeAgentTests
{
    [Fact]
    public async Task Sync_FirstTime_LoadsTheTableAndEnforcesRule1()
    {
        var kernel = new FakeNftables();
        var agent = AgentFor("node-1", kernel);
        var engine = EngineOf(StarWars, Rule1);
        var result = await agent.SyncAsync(engine);
        Assert.True(result.Full);
        Assert.Equal(NftVerdictKind.Accept, kernel.Trace(Syn(engine, "node-1", "tiefighter", "deathstar", 80)).Verdict);
        Assert.Equal(NftVerdictKind.Drop, kernel.Trace(Syn(engine, "node-1", "xwing", "deathstar", 80)).Verdict);
        Assert.Equal(NftVerdictKind.Drop, kernel.Trace(Syn(engine, "node-1", "tiefighter", "deathstar", 81)).Verdict);
        Assert.Equal(NftVerdictKind.Accept, kernel.Trace(Syn(engine, "node-1", "deathstar", "tiefighter", 9999)).Verdict);
    }

    [Fact]
    public async Task Sync_SecondTimeWithNoChange_SendsNothing()
    {
        var kernel = new FakeNftables();
        var agent = AgentFor("node-1", kernel);
        await agent.SyncAsync(EngineOf(StarWars, Rule1));
        var again = await agent.SyncAsync(EngineOf(StarWars, Rule1));
        Assert.False(again.Full);
        Assert.True(again.NothingSent, $"{again.Commands} commands");
    }

    [Fact]
    public async Task Sync_PolicyAdded_SendsChangesNotTheTable()
    {
        var kernel = new FakeNftables();
        var agent = AgentFor("node-1", kernel);
        await agent.SyncAsync(EngineOf(StarWars));
        var plan = agent.Plan(EngineOf(StarWars, Rule1));
        Assert.False(plan.Full);
        Assert.DoesNotContain(plan.Transaction.Commands, c => c is NftCommand.DeleteTable or NftCommand.AddTable);
        Assert.Contains(plan.Transaction.Commands, c => c is NftCommand.AddChain);
        await agent.ApplyAsync(plan);
        Assert.Equal(NftVerdictKind.Drop, kernel.Trace(Syn(EngineOf(StarWars, Rule1), "node-1", "xwing", "deathstar", 80)).Verdict);
    }

    [Fact]
    public async Task Sync_UnknownPodInterface_IsDropped()
    {
        var kernel = new FakeNftables();
        await AgentFor("node-1", kernel).SyncAsync(EngineOf(StarWars));
        var stranger = Packet.TcpSyn("lxc00000000", Interface("default/deathstar"), System.Net.IPAddress.Parse("10.244.0.99"), System.Net.IPAddress.Parse("10.244.0.10"), 80);
        var trace = kernel.Trace(stranger);
        Assert.Equal(NftVerdictKind.Drop, trace.Verdict);
        Assert.Contains("not programmed", trace.DecidingRule!.Rule.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_AfterTheKernelRefused_ReplacesTheWholeTable()
    {
        var fake = new FakeNftables();
        var kernel = new FailingBackend(fake);
        var agent = AgentFor("node-1", kernel);
        await agent.SyncAsync(EngineOf(StarWars));
        kernel.FailNext = true;
        await Assert.ThrowsAsync<NftException>(() => agent.SyncAsync(EngineOf(StarWars, Rule1)));
        Assert.Null(agent.Applied);
        Assert.Equal(NftVerdictKind.Accept, fake.Trace(Syn(EngineOf(StarWars), "node-1", "xwing", "deathstar", 80)).Verdict);   // the old table stays whole
        var retry = await agent.SyncAsync(EngineOf(StarWars, Rule1));
        Assert.True(retry.Full);
        Assert.Equal(NftVerdictKind.Drop, fake.Trace(Syn(EngineOf(StarWars, Rule1), "node-1", "xwing", "deathstar", 80)).Verdict);
        Assert.True((await agent.SyncAsync(EngineOf(StarWars, Rule1))).NothingSent);
    }

    [Fact]
    public async Task Sync_ChangedUnderneathByAnotherWriter_RefusedThenRepairedByFullLoad()
    {
        var kernel = new FakeNftables();
        var agent = AgentFor("node-1", kernel);
        await agent.SyncAsync(EngineOf(StarWars, Rule1));
        var other = new NftTransaction(kernel.Catalog);
        other.DeleteTable(agent.Table.Table);
        kernel.Apply(other);   // someone ran `nft delete table inet palisade`
        await Assert.ThrowsAsync<NftException>(() => agent.SyncAsync(EngineOf(StarWars)));
        await agent.SyncAsync(EngineOf(StarWars));
        Assert.Equal(NftVerdictKind.Accept, kernel.Trace(Syn(EngineOf(StarWars), "node-1", "xwing", "deathstar", 80)).Verdict);
    }
}
