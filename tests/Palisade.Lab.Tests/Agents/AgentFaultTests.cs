using System.Diagnostics;
using System.Net;
using Palisade.Agent.Programming;
using Palisade.Datapath.Kernel;
using Palisade.Lab.Probing;
using Palisade.Lab.State;
using Palisade.Lab.Store;
using Palisade.Lab.Tests.Support;
using Palisade.Lab.Topology;

namespace Palisade.Lab.Tests.Agents;

/// <summary>
/// The node agents under faults, on real packets: an interface no agent knows, agents killed while enforcing and at
/// the moment the state moves, pods deleted while the agents sync.
/// </summary>
[Trait("Requires", "root")]
public sealed class AgentFaultTests
{
    /// <summary>Pod a on node-1 and pod b on node-2, both serving 80.</summary>
    internal const string Pods = """
        apiVersion: v1
        kind: Pod
        metadata: {name: a, labels: {app: a}}
        spec: {nodeName: node-1, containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b, labels: {app: b}}
        spec: {nodeName: node-2, containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
        """;

    private const string DenyB = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-b}
        spec: {podSelector: {matchLabels: {app: b}}, policyTypes: [Ingress]}
        """;

    private const string AllowAToB = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: a-to-b}
        spec:
          podSelector: {matchLabels: {app: b}}
          ingress: [{from: [{podSelector: {matchLabels: {app: a}}}], ports: [{port: 80}]}]
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(800);

    [Fact]
    public async Task PodInterfaceNoAgentKnows_CanNeitherSendNorBeReached()
    {
        await using var lab = await LabFixture.UpAsync(Pods);
        var snapshot = LabSnapshot.Read(lab.Paths);
        var topology = new LabTopology(snapshot.Config, new LabNaming(lab.Name));
        var strangerNetns = new LabNaming(lab.Name).Pod("default", "stranger");
        var address = AddressPlan.Hosts(topology.Plan.PodBlock(1)).Last();
        await topology.CreatePodAsync("node-1", "default/stranger", strangerNetns, address);   // wired like a pod, unknown to the store
        try
        {
            var a = snapshot.Records.Single(r => r.Name == "a");
            Assert.Equal(ProbeOutcome.Timeout, (await Prober.ProbeAsync(strangerNetns, Model.LabProtocol.Tcp, a.Ip, 80, Timeout)).Outcome);
            // Nothing listens in the stranger: reachable would be refused at once; dropped is a timeout.
            Assert.Equal(ProbeOutcome.Timeout, (await Prober.ProbeAsync(a.Netns, Model.LabProtocol.Tcp, address, 80, Timeout)).Outcome);
            var b = snapshot.Records.Single(r => r.Name == "b");
            Assert.Equal(ProbeOutcome.Connected, (await Prober.ProbeAsync(b.Netns, Model.LabProtocol.Tcp, a.Ip, 80, Timeout)).Outcome);
        }
        finally
        {
            await LabTopology.DeletePodAsync(strangerNetns);
        }
    }

    [Fact]
    public async Task AgentsKilled_EnforcementStaysAndTheirSuccessorsReconcile()
    {
        await using var lab = await LabFixture.UpAsync(Pods + "\n---\n" + DenyB);
        var (a, b) = Pair(lab);
        Assert.Equal(ProbeOutcome.Timeout, (await Prober.ProbeAsync(a.Netns, Model.LabProtocol.Tcp, b.Ip, 80, Timeout)).Outcome);
        await AssertEndpointsNameTheKernelsChainsAsync(lab, "b");
        var killed = KillAgents(lab);
        Assert.Equal(2, killed.Count);
        Assert.Equal(ProbeOutcome.Timeout, (await Prober.ProbeAsync(a.Netns, Model.LabProtocol.Tcp, b.Ip, 80, Timeout)).Outcome);   // the rules stay in the kernel

        var apply = await lab.CliWithInputAsync(AllowAToB, "apply", "-f", "-");
        Assert.True(apply.ExitCode == 0, apply.StandardError);
        Assert.Equal(ProbeOutcome.Connected, (await Prober.ProbeAsync(a.Netns, Model.LabProtocol.Tcp, b.Ip, 80, Timeout)).Outcome);
        using var store = LabStore.Open(lab.Paths.StateDb);
        Assert.All(store.Agents().Values, r => Assert.DoesNotContain(r.Pid, killed));
        Assert.All(store.Agents().Values, r => Assert.Equal(1, r.FullLoads));   // a new agent loads the whole table once, atomically
        await AssertAgreesAsync(lab);
    }

    [Fact]
    public async Task AgentsKilledAsTheStateMoves_TheApplyCompletesAndTheKernelAgrees()
    {
        await using var lab = await LabFixture.UpAsync(Pods + "\n---\n" + DenyB);
        long generation;
        using (var store = LabStore.Open(lab.Paths.StateDb)) generation = store.Generation;
        var apply = lab.CliWithInputAsync(AllowAToB, "apply", "-f", "-");
        using (var store = LabStore.Open(lab.Paths.StateDb))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (store.Generation == generation && DateTime.UtcNow < deadline) await Task.Delay(1);
        }
        Assert.Equal(2, KillAgents(lab).Count);
        var result = await apply;
        Assert.True(result.ExitCode == 0, result.StandardError);
        var (a, b) = Pair(lab);
        Assert.Equal(ProbeOutcome.Connected, (await Prober.ProbeAsync(a.Netns, Model.LabProtocol.Tcp, b.Ip, 80, Timeout)).Outcome);
        await AssertAgreesAsync(lab);
    }

    [Fact]
    public async Task PodsDeletedWhileAgentsSync_NoTraceOfThemInTheTables()
    {
        await using var lab = await LabFixture.UpAsync(Pods + "\n---\n" + DenyB);
        for (var round = 0; round < 3; round++)
        {
            var extra = $"apiVersion: v1\nkind: Pod\nmetadata: {{name: c{round}, labels: {{app: c}}}}\nspec: {{containers: [{{name: c, image: nginx}}]}}\n";
            Assert.Equal(0, (await lab.CliWithInputAsync(extra, "apply", "-f", "-")).ExitCode);
            var policy = lab.CliWithInputAsync(AllowAToB.Replace("a-to-b", $"a-to-b-{round}", StringComparison.Ordinal), "apply", "-f", "-");
            var delete = lab.CliAsync("delete", "pod", $"c{round}");
            Assert.Equal(0, (await policy).ExitCode);
            Assert.Equal(0, (await delete).ExitCode);
        }
        var snapshot = LabSnapshot.Read(lab.Paths);
        var live = snapshot.Records.Select(r => LabNaming.PodVeth(r.Key)).ToHashSet();
        var table = new NodeTable();
        foreach (var node in snapshot.Nodes)
        {
            using var kernel = new LibNftables(node.Netns);
            var listing = await kernel.ListAsync(table.Table);
            var interfaces = listing.Set(table.EgressEndpoints.Name).Elements.Select(e => e.Key[0].Name!).ToList();
            Assert.All(interfaces, i => Assert.Contains(i, live));
            var addresses = listing.Set(table.Addresses.Name).Elements.Select(e => e.Key[0].ToString()).ToHashSet();
            Assert.All(Enumerable.Range(0, 3), i => Assert.DoesNotContain($"c{i}", snapshot.Records.Select(r => r.Name)));
            Assert.Equal(snapshot.Records.Count + snapshot.Nodes.Count, addresses.Count);
        }
        await AssertAgreesAsync(lab);
    }

    /// <summary>`get endpoints` gives the number the node's table keys the pod's policy chain by.</summary>
    private static async Task AssertEndpointsNameTheKernelsChainsAsync(LabFixture lab, string pod)
    {
        var get = await lab.CliAsync("get", "endpoints", "-o", "json");
        Assert.True(get.ExitCode == 0, get.StandardError);
        using var json = global::System.Text.Json.JsonDocument.Parse(get.StandardOutput);
        var row = json.RootElement.EnumerateArray().Single(r => r.GetProperty("endpoint").GetString() == "default/" + pod);
        var id = row.GetProperty("datapathIdentity").GetUInt32();
        var record = LabSnapshot.Read(lab.Paths).Records.Single(r => r.Name == pod);
        using var kernel = new LibNftables(new LabNaming(lab.Name).Node(record.Node));
        var listing = await kernel.ListAsync(new NodeTable().Table);
        Assert.Contains(listing.Chains, c => c.Chain.Name == $"ingress-{id}");
    }

    private static (PodRecord A, PodRecord B) Pair(LabFixture lab)
    {
        var records = LabSnapshot.Read(lab.Paths).Records;
        return (records.Single(r => r.Name == "a"), records.Single(r => r.Name == "b"));
    }

    private static List<int> KillAgents(LabFixture lab)
    {
        using var store = LabStore.Open(lab.Paths.StateDb);
        var pids = store.Agents().Values.Select(r => r.Pid).ToList();
        foreach (var pid in pids)
        {
            using var p = Process.GetProcessById(pid);
            p.Kill();
            p.WaitForExit();
        }
        return pids;
    }

    private static async Task AssertAgreesAsync(LabFixture lab)
    {
        var test = await lab.CliAsync("connectivity", "test", "--probe", "80/TCP", "--timeout", "1");
        Assert.True(test.ExitCode == 0, test.StandardOutput + test.StandardError);
    }
}
