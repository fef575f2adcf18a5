using Google.Protobuf.WellKnownTypes;
using Palisade.Observe.Api;
using Palisade.Observe.Flows;
using Palisade.Observe.Tests.Flows;

namespace Palisade.Observe.Tests.Api;

public sealed class ObserverRelayTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly TempDir dir = new();
    private readonly FlowRing ringA = new(64);
    private readonly FlowRing ringB = new(64);
    private readonly List<ObserverClient> nodeClients = [];
    private ObserverServer serverA = null!;
    private ObserverServer serverB = null!;
    private ObserverServer relayServer = null!;
    private ObserverClient client = null!;

    public async Task InitializeAsync()
    {
        // node-a has the flows of even seconds, node-b of odd ones; node-c never runs.
        for (var i = 0; i < 8; i++)
        {
            var flow = FlowRingTests.Flow(i);
            flow.NodeName = i % 2 == 0 ? "node-a" : "";
            (i % 2 == 0 ? ringA : ringB).Write(flow);
        }
        serverA = await ObserverServer.StartAsync(new ObserverService(ringA, "node-a"), new ObserverListenOptions { UnixSocketPath = dir.Socket("a") });
        serverB = await ObserverServer.StartAsync(new ObserverService(ringB, "node-b"), new ObserverListenOptions { UnixSocketPath = dir.Socket("b") });
        var nodes = new[] { "a", "b", "c" }.Select(n =>
        {
            var nodeClient = ObserverClient.ForUnixSocket(dir.Socket(n));
            nodeClients.Add(nodeClient);
            return new RelayNode("node-" + n, nodeClient);
        }).ToList();
        relayServer = await ObserverServer.StartAsync(new ObserverRelay(nodes, TimeSpan.FromSeconds(5)), new ObserverListenOptions { UnixSocketPath = dir.Socket("relay") });
        client = ObserverClient.ForUnixSocket(dir.Socket("relay"));
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await relayServer.DisposeAsync();
        nodeClients.ForEach(c => c.Dispose());
        await serverA.DisposeAsync();
        await serverB.DisposeAsync();
        dir.Dispose();
    }

    [Fact]
    public async Task LastFlowsAreMergedInTimeOrderAndNamedByNode()
    {
        var responses = await Collect(new GetFlowsRequest { Number = 3 });
        var status = responses[0].NodeStatus;
        Assert.Equal(NodeState.NodeUnavailable, status.StateChange);
        Assert.Equal(["node-c"], status.NodeNames);
        var flows = responses.Skip(1).ToList();
        Assert.Equal([5, 6, 7], flows.Select(ObserverServiceTests.Index));
        Assert.Equal(["node-b", "node-a", "node-b"], flows.Select(r => r.NodeName));
        Assert.Equal(["node-b", "node-a", "node-b"], flows.Select(r => r.Flow.NodeName)); // node-b left them unnamed
    }

    [Fact]
    public async Task FirstFlowsAndFiltersWorkThroughTheRelay()
    {
        var first = await Collect(new GetFlowsRequest { Number = 3, First = true });
        Assert.Equal([0, 1, 2], first.Where(r => r.Flow is not null).Select(ObserverServiceTests.Index));
        var filtered = await Collect(new GetFlowsRequest { Whitelist = { new FlowFilter { DestinationPort = { "1003", "1006" } } } });
        Assert.Equal([3, 6], filtered.Where(r => r.Flow is not null).Select(ObserverServiceTests.Index));
    }

    [Fact]
    public async Task ServerStatusSumsTheNodesAndNamesTheUnavailableOne()
    {
        var status = await client.ServerStatusAsync(Deadline);
        Assert.Equal(8UL, status.NumFlows);
        Assert.Equal(128UL, status.MaxFlows);
        Assert.Equal(8UL, status.SeenFlows);
        Assert.Equal(2U, status.NumConnectedNodes);
        Assert.Equal(1U, status.NumUnavailableNodes);
        Assert.Equal(["node-c"], status.UnavailableNodes);
    }

    [Fact]
    public async Task GetNodesReportsEachNodesState()
    {
        var nodes = (await client.GetNodesAsync(Deadline)).Nodes;
        Assert.Equal(["node-a", "node-b", "node-c"], nodes.Select(n => n.Name));
        Assert.Equal([NodeState.NodeConnected, NodeState.NodeConnected, NodeState.NodeUnavailable], nodes.Select(n => n.State));
        Assert.Equal(4UL, nodes[0].SeenFlows);
        Assert.Equal("unix://" + dir.Socket("c"), nodes[2].Address);
    }

    [Fact]
    public async Task FollowInterleavesNodesAndReportsANodeThatGoesAway()
    {
        using var cts = new CancellationTokenSource(Deadline);
        var since = Timestamp.FromDateTime(TestFlows.BaseTime.AddSeconds(100));
        await using var stream = client.GetFlowsAsync(new GetFlowsRequest { Follow = true, Since = since }, cts.Token).GetAsyncEnumerator(cts.Token);
        ringA.Write(FlowRingTests.Flow(100));
        ringB.Write(FlowRingTests.Flow(101));
        var seen = await Until(stream, r => r.Flow is not null, 2);
        Assert.Equal(["node-a:100", "node-b:101"], seen.Select(r => $"{r.NodeName}:{ObserverServiceTests.Index(r)}").Order());

        await serverB.StopAsync();
        var gone = await Until(stream, r => r.NodeStatus?.NodeNames.Contains("node-b") == true, 1);
        Assert.Equal(NodeState.NodeUnavailable, gone.Single().NodeStatus.StateChange);
        ringA.Write(FlowRingTests.Flow(102));
        var after = await Until(stream, r => r.Flow is not null, 1);
        Assert.Equal("node-a", after.Single().NodeName);
        Assert.Equal(102, ObserverServiceTests.Index(after.Single()));
    }

    private static async Task<List<GetFlowsResponse>> Until(IAsyncEnumerator<GetFlowsResponse> stream, Func<GetFlowsResponse, bool> wanted, int count)
    {
        var found = new List<GetFlowsResponse>();
        while (found.Count < count)
        {
            Assert.True(await stream.MoveNextAsync());
            if (wanted(stream.Current))
            {
                found.Add(stream.Current);
            }
        }
        return found;
    }

    private async Task<List<GetFlowsResponse>> Collect(GetFlowsRequest request)
    {
        using var cts = new CancellationTokenSource(Deadline);
        var responses = new List<GetFlowsResponse>();
        await foreach (var response in client.GetFlowsAsync(request, cts.Token))
        {
            responses.Add(response);
        }
        return responses;
    }
}
