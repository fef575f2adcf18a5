using Palisade.Agent.Tests.Support;
using Palisade.Datapath.Fake;
using Palisade.Datapath.Kernel;
using static Palisade.Agent.Tests.Support.Clusters;

namespace Palisade.Agent.Tests;

/// <summary>The agent's transactions on the real kernel (libnftables in a namespace of the test's own) leave what they leave in the fake.</summary>
[Trait("Requires", "root")]
public sealed class KernelAgentTests
{
    [Fact]
    public async Task Updates_EveryStep_KernelHoldsWhatTheFakeHolds()
    {
        using var ns = ScratchNamespace.Create();
        using var kernel = new LibNftables(ns.Name);
        var fake = new FakeNftables();
        var agent = AgentFor("node-1", kernel);
        var mirror = AgentFor("node-1", fake);
        foreach (var (name, documents) in Steps.All)
        {
            var engine = EngineOf(documents);
            var sent = await agent.SyncAsync(engine);
            await mirror.SyncAsync(engine);
            Assert.True(Contents(fake, agent.Table.Table) == Contents(await kernel.ListAsync(agent.Table.Table)), $"step \"{name}\": the kernel differs from the fake");
            Assert.True((await agent.SyncAsync(engine)).NothingSent, $"step \"{name}\": a second sync sent something");
            Assert.True(sent.Full || !sent.NothingSent || name == "no policy", $"step \"{name}\" sent nothing");
        }
    }

    [Fact]
    public async Task SampledAllows_LoadInTheKernelAsInTheFake_WithASkipRuleOnlyInAllowedVerdicts()
    {
        using var ns = ScratchNamespace.Create();
        using var kernel = new LibNftables(ns.Name);
        var table = new Programming.NodeTable(logging: new Programming.FlowLogging(AllowedSample: 10));
        var agent = new NodeAgent("node-1", kernel, InterfaceOf, table);
        var fake = new FakeNftables();
        var mirror = new NodeAgent("node-1", fake, InterfaceOf, new Programming.NodeTable(logging: new Programming.FlowLogging(AllowedSample: 10)));
        var engine = EngineOf(StarWars, Rule1);
        await agent.SyncAsync(engine);
        await mirror.SyncAsync(engine);
        var listed = await kernel.ListAsync(table.Table);
        Assert.Equal(Contents(fake, table.Table), Contents(listed));
        var verdicts = listed.Chains.Where(c => c.Chain.Name.StartsWith("v-", StringComparison.Ordinal)).ToList();
        Assert.All(verdicts, c => Assert.Equal(agent.Verdict(uint.Parse(c.Chain.Name[2..], System.Globalization.CultureInfo.InvariantCulture))!.Decision.Allowed, c.RuleComments.Contains("not sampled")));
        Assert.Contains(verdicts, c => c.RuleComments.Contains("not sampled"));
        Assert.Contains(verdicts, c => !c.RuleComments.Contains("not sampled"));   // drops are never sampled
    }

    [Fact]
    public async Task FullLoad_OverATableThatExists_ReplacesItAtomically()
    {
        using var ns = ScratchNamespace.Create();
        using var kernel = new LibNftables(ns.Name);
        await AgentFor("node-1", kernel).SyncAsync(EngineOf(Steps.All[4].Documents));
        var restarted = AgentFor("node-1", kernel);   // a new agent process knows nothing of what is there
        var result = await restarted.SyncAsync(EngineOf(Steps.All[1].Documents));
        Assert.True(result.Full);
        var fake = new FakeNftables();
        await AgentFor("node-1", fake).SyncAsync(EngineOf(Steps.All[1].Documents));
        Assert.Equal(Contents(fake, restarted.Table.Table), Contents(await kernel.ListAsync(restarted.Table.Table)));
    }

    [Fact]
    public async Task PodPatch_AddedThenRemoved_KernelHoldsWhatAWholeSyncHolds()
    {
        using var ns = ScratchNamespace.Create();
        using var kernel = new LibNftables(ns.Name);
        var agent = AgentFor("node-1", kernel);
        var before = EngineOf(StarWars, Rule1);
        await agent.SyncAsync(before);
        var wingman = Palisade.Engine.Cluster.ClusterStateBuilder.EndpointOf(Palisade.Policy.Loading.ManifestLoader.LoadText(PodFastPathTests.Wingman, "w.yaml").Pods.Single())!;
        await agent.ApplyAsync(agent.PlanPods(before, [wingman], [])!);
        var fake = new FakeNftables();
        await AgentFor("node-1", fake).SyncAsync(EngineOf(StarWars, Rule1, PodFastPathTests.Wingman));
        Assert.Equal(Contents(fake, agent.Table.Table), Contents(await kernel.ListAsync(agent.Table.Table)));
        await agent.ApplyAsync(agent.PlanPods(before, [], [wingman])!);
        var fresh = new FakeNftables();
        await AgentFor("node-1", fresh).SyncAsync(before);
        Assert.Equal(Contents(fresh, agent.Table.Table), Contents(await kernel.ListAsync(agent.Table.Table)));
    }
}
