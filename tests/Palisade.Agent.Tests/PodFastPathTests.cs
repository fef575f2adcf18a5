using Palisade.Agent.Tests.Support;
using Palisade.Datapath.Fake;
using Palisade.Datapath.Nft;
using Palisade.Engine.Cluster;
using Palisade.Policy.Loading;
using static Palisade.Agent.Tests.Support.Clusters;

namespace Palisade.Agent.Tests;

/// <summary>Pods added and removed without an engine rebuild leave the table exactly as a whole sync of the new state would.</summary>
public sealed class PodFastPathTests
{
    internal const string Wingman = """
        apiVersion: v1
        kind: Pod
        metadata: {name: wingman, namespace: default, labels: {org: empire, class: tiefighter}}
        spec: {nodeName: node-1, containers: [{name: c, image: x}]}
        status: {podIP: 10.244.0.20}
        """;

    [Fact]
    public async Task PodOfAKnownClass_Added_ChangesOnlyItsElementsAndEqualsAWholeSync()
    {
        var kernel = new FakeNftables();
        var agent = AgentFor("node-1", kernel);
        var before = EngineOf(StarWars, Rule1);
        await agent.SyncAsync(before);
        var plan = agent.PlanPods(before, [Candidate(Wingman)], []);
        Assert.NotNull(plan);
        Assert.Equal(3, plan.Transaction.Commands.Count);   // its address, its egress and ingress dispatch
        await agent.ApplyAsync(plan);
        var after = EngineOf(StarWars, Rule1, Wingman);
        Assert.Equal(await WholeSyncAsync("node-1", after), Contents(kernel, agent.Table.Table));
        Assert.Equal(NftVerdictKind.Accept, kernel.Trace(Syn(after, "node-1", "wingman", "deathstar", 80)).Verdict);
        Assert.True((await agent.SyncAsync(after)).NothingSent);
    }

    [Fact]
    public async Task PodOfAKnownClass_Removed_EqualsAWholeSync()
    {
        var kernel = new FakeNftables();
        var agent = AgentFor("node-1", kernel);
        var before = EngineOf(StarWars, Rule1, Wingman);
        await agent.SyncAsync(before);
        var plan = agent.PlanPods(before, [], [before.Cluster.Find("default/wingman")!]);
        Assert.NotNull(plan);
        await agent.ApplyAsync(plan);
        Assert.Equal(await WholeSyncAsync("node-1", EngineOf(StarWars, Rule1)), Contents(kernel, agent.Table.Table));
    }

    [Fact]
    public async Task PodsRemovedAndAddedAtOnce_ReusingAnAddress_EqualAWholeSync()
    {
        // tiefighter goes and wingman comes with tiefighter's address, in one patch.
        var kernel = new FakeNftables();
        var agent = AgentFor("node-1", kernel);
        var before = EngineOf(StarWars, Rule1);
        await agent.SyncAsync(before);
        var reused = Wingman.Replace("10.244.0.20", "10.244.0.11", StringComparison.Ordinal);
        var plan = agent.PlanPods(before, [Candidate(reused)], [before.Cluster.Find("default/tiefighter")!]);
        Assert.NotNull(plan);
        await agent.ApplyAsync(plan);
        var withoutTiefighter = StarWars[..StarWars.IndexOf("---\napiVersion: v1\nkind: Pod\nmetadata: {name: tiefighter", StringComparison.Ordinal)]
            + StarWars[StarWars.IndexOf("---\napiVersion: v1\nkind: Pod\nmetadata: {name: xwing", StringComparison.Ordinal)..];
        Assert.Equal(await WholeSyncAsync("node-1", EngineOf(withoutTiefighter, Rule1, reused)), Contents(kernel, agent.Table.Table));
    }

    [Fact]
    public async Task PodOnAnotherNode_Added_IsOnlyItsAddress()
    {
        var agent = AgentFor("node-2", new FakeNftables());
        var before = EngineOf(StarWars, Rule1);
        await agent.SyncAsync(before);
        var plan = agent.PlanPods(before, [Candidate(Wingman)], []);
        Assert.NotNull(plan);
        Assert.Single(plan.Transaction.Commands);
    }

    [Fact]
    public async Task PodOfANewClass_IsLeftToAWholeSync()
    {
        var agent = AgentFor("node-1", new FakeNftables());
        var before = EngineOf(StarWars, Rule1);
        await agent.SyncAsync(before);
        Assert.Null(agent.PlanPods(before, [Candidate(Wingman.Replace("class: tiefighter", "class: bomber", StringComparison.Ordinal))], []));
    }

    [Fact]
    public async Task NodesFirstPodOfAnIdentityWithRules_IsLeftToAWholeSync()
    {
        // A second deathstar (same labels and named port) on node-2, which has no deathstar yet: its chain must be made.
        const string Deathstar2 = """
            apiVersion: v1
            kind: Pod
            metadata: {name: deathstar-2, namespace: default, labels: {org: empire, class: deathstar}}
            spec: {nodeName: node-2, containers: [{name: c, image: x, ports: [{containerPort: 80, name: http}]}]}
            status: {podIP: 10.244.1.20}
            """;
        var before = EngineOf(StarWars, Rule1);
        Assert.NotNull(before.TryClassOf(Candidate(Deathstar2)));   // a known class ...
        var remote = AgentFor("node-1", new FakeNftables());
        await remote.SyncAsync(before);
        Assert.NotNull(remote.PlanPods(before, [Candidate(Deathstar2)], []));   // ... so elsewhere only its address
        var local = AgentFor("node-2", new FakeNftables());
        await local.SyncAsync(before);
        Assert.Null(local.PlanPods(before, [Candidate(Deathstar2)], []));
    }

    [Fact]
    public async Task LastPodOfAClass_Removed_IsLeftToAWholeSync()
    {
        var agent = AgentFor("node-1", new FakeNftables());
        var before = EngineOf(StarWars, Rule1);
        await agent.SyncAsync(before);
        Assert.Null(agent.PlanPods(before, [], [before.Cluster.Find("default/xwing")!]));
    }

    private static Endpoint Candidate(string yaml) =>
        ClusterStateBuilder.EndpointOf(ManifestLoader.LoadText(yaml, "pod.yaml").Pods.Single())!;

    private static async Task<string> WholeSyncAsync(string node, Engine.PolicyEngine engine)
    {
        var fresh = new FakeNftables();
        var agent = AgentFor(node, fresh);
        await agent.SyncAsync(engine);
        return Contents(fresh, agent.Table.Table);
    }
}
