using System.Globalization;
using Grpc.Core;
using Palisade.Observe.Api;
using Palisade.Observe.Flows;
using Palisade.Observe.Tests.Flows;

namespace Palisade.Observe.Tests.Api;

public sealed class ObserverServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly TempDir dir = new();
    private readonly FlowRing ring = new(64);
    private ObserverServer server = null!;
    private ObserverClient client = null!;

    public async Task InitializeAsync()
    {
        for (var i = 0; i < 5; i++)
        {
            ring.Write(FlowRingTests.Flow(i));
        }
        server = await ObserverServer.StartAsync(new ObserverService(ring, "node-a"), new ObserverListenOptions { UnixSocketPath = dir.Socket("obs") });
        client = ObserverClient.ForUnixSocket(dir.Socket("obs"));
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
        dir.Dispose();
    }

    [Fact]
    public async Task GetFlowsAppliesWhitelistBlacklistAndNumber()
    {
        var request = new GetFlowsRequest
        {
            Number = 2,
            Whitelist = { new FlowFilter { DestinationPort = { "1001", "1002", "1003", "1004" } } },
            Blacklist = { new FlowFilter { DestinationPort = { "1004" } } },
        };
        var responses = await Collect(request);
        Assert.Equal([2, 3], responses.Select(Index));
        Assert.All(responses, r => Assert.Equal("node-a", r.NodeName));
        Assert.All(responses, r => Assert.Equal(r.Flow.Time, r.Time));
    }

    [Fact]
    public async Task FollowStreamsNewFlowsAfterTheLastOnes()
    {
        using var cts = new CancellationTokenSource(Deadline);
        await using var stream = client.GetFlowsAsync(new GetFlowsRequest { Number = 1, Follow = true }, cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(4, Index(stream.Current));
        ring.Write(FlowRingTests.Flow(5));
        ring.Write(FlowRingTests.Flow(6));
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(5, Index(stream.Current));
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(6, Index(stream.Current));
    }

    [Fact]
    public async Task LostEventsAreSentAsLostEventsResponses()
    {
        ring.AddLost(9, LostEventSource.PerfEventRingBuffer);
        var responses = await Collect(new GetFlowsRequest { Number = 1 });
        Assert.Equal(2, responses.Count);
        Assert.Equal(4, Index(responses[0]));
        Assert.Equal(9UL, responses[1].LostEvents.NumEventsLost);
        Assert.Equal(LostEventSource.PerfEventRingBuffer, responses[1].LostEvents.Source);
    }

    [Fact]
    public async Task FlowsWithoutANodeNameGetTheServersWithoutChangingTheStoredFlow()
    {
        var unnamed = FlowRingTests.Flow(5);
        unnamed.NodeName = "";
        ring.Write(unnamed);
        var responses = await Collect(new GetFlowsRequest { Number = 1 });
        Assert.Equal("node-a", responses.Single().Flow.NodeName);
        Assert.Equal("", unnamed.NodeName);
    }

    [Fact]
    public async Task ServerStatusReportsTheRing()
    {
        ring.AddLost(3, LostEventSource.ObserverEventsQueue);
        var status = await client.ServerStatusAsync(Deadline);
        Assert.Equal(6UL, status.NumFlows);
        Assert.Equal(64UL, status.MaxFlows);
        Assert.Equal(5UL, status.SeenFlows);
        Assert.Equal(3UL, status.NumLostEvents);
        Assert.Equal(ObserverService.Version, status.Version);
        Assert.True(status.UptimeNs > 0);
        Assert.Null(status.NumConnectedNodes);
    }

    [Fact]
    public async Task GetNodesListsThisNode()
    {
        var node = (await client.GetNodesAsync(Deadline)).Nodes.Single();
        Assert.Equal("node-a", node.Name);
        Assert.Equal(NodeState.NodeConnected, node.State);
        Assert.Equal(5UL, node.SeenFlows);
    }

    [Fact]
    public async Task AMalformedFilterIsAnInvalidArgument()
    {
        var request = new GetFlowsRequest { Whitelist = { new FlowFilter { SourceIp = { "10.0.0.300" } } } };
        var e = await Assert.ThrowsAsync<RpcException>(() => Collect(request));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("10.0.0.300", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoppingRemovesTheSocket()
    {
        Assert.True(File.Exists(dir.Socket("obs")));
        await server.StopAsync();
        Assert.False(File.Exists(dir.Socket("obs")));
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

    internal static int Index(GetFlowsResponse response) => int.Parse(response.Flow.Uuid, CultureInfo.InvariantCulture);
}
