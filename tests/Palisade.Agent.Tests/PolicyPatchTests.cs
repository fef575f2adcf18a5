using Palisade.Datapath.Fake;
using Palisade.Datapath.Nft;
using Palisade.Engine;
using Palisade.Engine.Ir;
using Palisade.Policy.Loading;
using static Palisade.Agent.Tests.Support.Clusters;

namespace Palisade.Agent.Tests;

/// <summary>Policies changed over the same pods, without compiling the node again, leave the table as a whole sync would.</summary>
public sealed class PolicyPatchTests
{
    private static readonly PolicyRef Rule1Ref = new("CiliumNetworkPolicy", "default", "rule1");

    [Theory]
    [InlineData("port changed")]
    [InlineData("policy deleted")]
    [InlineData("policy added")]
    public async Task PolicyChange_OverTheSamePods_EqualsAWholeSync(string change)
    {
        var (beforeDocs, afterDocs) = change switch
        {
            "port changed" => (new[] { StarWars, Rule1 }, new[] { StarWars, Rule1.Replace("port: \"80\"", "port: \"8080\"", StringComparison.Ordinal) }),
            "policy deleted" => (new[] { StarWars, Rule1 }, new[] { StarWars }),
            _ => (new[] { StarWars }, new[] { StarWars, Rule1 }),
        };
        foreach (var node in new[] { "node-1", "node-2" })
        {
            var kernel = new FakeNftables();
            var agent = AgentFor(node, kernel);
            var before = EngineOf(beforeDocs);
            await agent.SyncAsync(before);
            var after = before.WithPolicies(Lower(afterDocs));
            Assert.Same(before.Classes, after.Classes);
            var plan = agent.PlanPolicies(before, after, new HashSet<PolicyRef> { Rule1Ref });
            Assert.NotNull(plan);
            Assert.DoesNotContain(plan.Transaction.Commands, c => c is NftCommand.AddElements { Set.Name: "ip2id" } or NftCommand.DeleteElements { Set.Name: "ip2id" });
            await agent.ApplyAsync(plan);
            var fresh = new FakeNftables();
            await AgentFor(node, fresh).SyncAsync(EngineOf(afterDocs));
            Assert.True(Contents(fresh, agent.Table.Table) == Contents(kernel, agent.Table.Table), $"{change} on {node} differs from a whole sync");
            Assert.True((await agent.SyncAsync(EngineOf(afterDocs))).NothingSent, $"{change} on {node}: a whole sync after the patch still had work");
        }
    }

    [Fact]
    public async Task PolicyChange_OnNodeWithoutTheSelectedPods_SendsNothing()
    {
        var agent = AgentFor("node-2", new FakeNftables());   // the deathstar runs on node-1
        var before = EngineOf(StarWars, Rule1);
        await agent.SyncAsync(before);
        var after = before.WithPolicies(Lower([StarWars, Rule1.Replace("port: \"80\"", "port: \"8080\"", StringComparison.Ordinal)]));
        Assert.True(agent.PlanPolicies(before, after, new HashSet<PolicyRef> { Rule1Ref })!.Transaction.IsEmpty);
    }

    [Fact]
    public async Task PolicyNamingANewCidr_IsLeftToAWholeSync()
    {
        const string Cidr = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: out, namespace: default}
            spec:
              endpointSelector: {matchLabels: {class: xwing}}
              egress: [{toCIDR: [203.0.113.0/24]}]
            """;
        var agent = AgentFor("node-2", new FakeNftables());
        var before = EngineOf(StarWars);
        await agent.SyncAsync(before);
        var after = before.WithPolicies(Lower([StarWars, Cidr]));
        Assert.NotSame(before.Classes, after.Classes);
        Assert.Null(agent.PlanPolicies(before, after, new HashSet<PolicyRef> { new("CiliumNetworkPolicy", "default", "out") }));
    }

    private static IReadOnlyList<IrPolicy> Lower(string[] documents) =>
        EngineLoader.Lower(ManifestLoader.LoadText(string.Join("\n---\n", documents), "test.yaml"), new EngineInputs()).Policies;
}
