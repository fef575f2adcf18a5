using Palisade.Agent.Programming;
using Palisade.Agent.Tests.Support;
using Palisade.Datapath.Fake;
using static Palisade.Agent.Tests.Support.Clusters;

namespace Palisade.Agent.Tests;

/// <summary>After every kind of update, the table the agent updated holds exactly what a fresh full load of the same state holds.</summary>
public sealed class IncrementalEquivalenceTests
{
    [Theory]
    [InlineData("node-1")]
    [InlineData("node-2")]
    public async Task Updates_EveryStep_EqualAFullLoadOfTheSameState(string node)
    {
        var kernel = new FakeNftables();
        var agent = AgentFor(node, kernel);
        foreach (var (name, documents) in Steps.All)
        {
            var result = await agent.SyncAsync(EngineOf(documents));
            var fresh = new FakeNftables();
            await AgentFor(node, fresh).SyncAsync(EngineOf(documents));
            Assert.True(Contents(fresh, agent.Table.Table) == Contents(kernel, agent.Table.Table), $"step \"{name}\" on {node} differs from a full load");
            Assert.True(result.Full == (name == Steps.All[0].Name), $"step \"{name}\": full load {result.Full}");
        }
    }

    [Fact]
    public async Task Icmp_TypeAllowed_EchoRequestPassesAndOtherTypesDrop()
    {
        // tiefighter may ping xwing (type 8) and reach the deathstar on its named port http; the deathstar's own
        // ingress (rule1) admits only 80/TCP, so a ping to it would be dropped there.
        var kernel = new FakeNftables();
        var documents = Steps.All.Single(s => s.Name.StartsWith("egress", StringComparison.Ordinal)).Documents;
        var engine = EngineOf(documents);
        await AgentFor("node-1", kernel).SyncAsync(engine);
        var echo = Between(engine, "node-1", "tiefighter", "xwing", (i, o, s, d) => Packet.Icmp(i, o, s, d, type: 8));
        var timestamp = Between(engine, "node-1", "tiefighter", "xwing", (i, o, s, d) => Packet.Icmp(i, o, s, d, type: 13));
        Assert.Equal(Datapath.Nft.NftVerdictKind.Accept, kernel.Trace(echo).Verdict);
        Assert.Equal(Datapath.Nft.NftVerdictKind.Drop, kernel.Trace(timestamp).Verdict);
        Assert.Equal(Datapath.Nft.NftVerdictKind.Accept, kernel.Trace(Syn(engine, "node-1", "tiefighter", "deathstar", 80)).Verdict);   // named port http
        Assert.Equal(Datapath.Nft.NftVerdictKind.Drop, kernel.Trace(Syn(engine, "node-1", "tiefighter", "deathstar", 81)).Verdict);
    }

    [Fact]
    public void Diff_NoChange_HasNoCommand()
    {
        var table = new NodeTable();
        var numbers = new Compilation.IdentityNumbering();
        var engine = EngineOf(Steps.All[4].Documents);
        var a = Compilation.NodeCompiler.Compile(engine, "node-1", numbers, InterfaceOf);
        var b = Compilation.NodeCompiler.Compile(EngineOf(Steps.All[4].Documents), "node-1", numbers, InterfaceOf);
        var full = ProgramDiff.Full(table, a);
        Assert.True(ProgramDiff.Between(table, a, b, full.Catalog).IsEmpty);
    }
}
