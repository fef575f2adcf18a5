using System.Diagnostics;
using System.Threading.Channels;
using Grpc.Core;
using Palisade.Observe.Flows;

namespace Palisade.Observe.Api;

/// <summary>
/// The Observer API over several nodes, like Hubble Relay. GetFlows asks every node: without follow it
/// collects each node's answer (at most <c>number</c> flows each), sorts them by time and keeps the first or
/// last <c>number</c>; with follow it interleaves the nodes' streams as flows arrive. Responses carry the
/// node's name. A node that cannot be reached is reported (a <c>node_status</c> NODE_UNAVAILABLE response, and
/// in ServerStatus and GetNodes) while the others are still served. Host it with <see cref="ObserverServer"/>.
/// </summary>
internal sealed class ObserverRelay(IReadOnlyList<RelayNode> nodes, TimeSpan nodeTimeout, string relayName = "relay")
    : Observer.ObserverBase
{
    private const int FollowBuffer = 1024;

    private readonly long started = Stopwatch.GetTimestamp();

    /// <inheritdoc />
    public override async Task GetFlows(GetFlowsRequest request, IServerStreamWriter<GetFlowsResponse> responseStream, ServerCallContext context)
    {
        try
        {
            FlowQuery.From(request);
        }
        catch (FlowFilterException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
        var ct = context.CancellationToken;
        try
        {
            var responses = request.Follow && !request.First ? Follow(request, ct) : Collect(request, ct);
            await foreach (var response in responses.ConfigureAwait(false))
            {
                await responseStream.WriteAsync(response).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the client went away: a normal end of a follow
        }
    }

    /// <inheritdoc />
    public override async Task<ServerStatusResponse> ServerStatus(ServerStatusRequest request, ServerCallContext context)
    {
        var results = await Task.WhenAll(nodes.Select(n => Try(n, c => c.ServerStatusAsync(nodeTimeout, context.CancellationToken)))).ConfigureAwait(false);
        var up = results.Where(r => r.Value is not null).Select(r => r.Value!).ToList();
        var down = results.Where(r => r.Value is null).Select(r => r.Node.Name).ToList();
        var status = new ServerStatusResponse
        {
            NumFlows = Sum(up, s => s.NumFlows),
            MaxFlows = Sum(up, s => s.MaxFlows),
            SeenFlows = Sum(up, s => s.SeenFlows),
            NumLostEvents = Sum(up, s => s.NumLostEvents),
            UptimeNs = up.Count == 0 ? (ulong)Stopwatch.GetElapsedTime(started).Ticks * 100 : up.Max(s => s.UptimeNs),
            NumConnectedNodes = (uint)up.Count,
            NumUnavailableNodes = (uint)down.Count,
            Version = ObserverService.Version,
        };
        status.UnavailableNodes.AddRange(down);
        return status;
    }

    /// <inheritdoc />
    public override async Task<GetNodesResponse> GetNodes(GetNodesRequest request, ServerCallContext context)
    {
        var results = await Task.WhenAll(nodes.Select(n => Try(n, c => c.ServerStatusAsync(nodeTimeout, context.CancellationToken)))).ConfigureAwait(false);
        var response = new GetNodesResponse();
        response.Nodes.AddRange(results.Select(r => new Node
        {
            Name = r.Node.Name,
            Address = r.Node.Client.Address,
            Tls = new TLS { Enabled = r.Node.Client.Tls },
            State = r.Value is null ? NodeState.NodeUnavailable : NodeState.NodeConnected,
            Version = r.Value?.Version ?? "",
            UptimeNs = r.Value?.UptimeNs ?? 0,
            NumFlows = r.Value?.NumFlows ?? 0,
            MaxFlows = r.Value?.MaxFlows ?? 0,
            SeenFlows = r.Value?.SeenFlows ?? 0,
        }));
        return response;
    }

    private async IAsyncEnumerable<GetFlowsResponse> Collect(GetFlowsRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var results = await Task.WhenAll(nodes.Select(n => CollectOne(n, request, ct))).ConfigureAwait(false);
        var down = results.Where(r => r.Error is not null).ToList();
        if (down.Count > 0)
        {
            yield return RelayMerge.NodeStatus(NodeState.NodeUnavailable, down.Select(r => r.Node),
                string.Join("; ", down.Select(r => $"{r.Node}: {r.Error}")), relayName);
        }
        foreach (var response in RelayMerge.Select(results.SelectMany(r => r.Responses), request))
        {
            yield return response;
        }
    }

    private static async Task<(string Node, List<GetFlowsResponse> Responses, string? Error)> CollectOne(
        RelayNode node, GetFlowsRequest request, CancellationToken ct)
    {
        var responses = new List<GetFlowsResponse>();
        try
        {
            await foreach (var response in node.Client.GetFlowsAsync(request, ct).ConfigureAwait(false))
            {
                responses.Add(RelayMerge.Tag(response, node.Name));
            }
            return (node.Name, responses, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return (node.Name, responses, Describe(e));
        }
    }

    private IAsyncEnumerable<GetFlowsResponse> Follow(GetFlowsRequest request, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<GetFlowsResponse>(new BoundedChannelOptions(FollowBuffer) { SingleReader = true });
        var pumps = nodes.Select(n => Pump(n, request, channel.Writer, ct)).ToArray();
        _ = CompleteAfter(pumps, channel.Writer);
        return channel.Reader.ReadAllAsync(ct);
    }

    private async Task Pump(RelayNode node, GetFlowsRequest request, ChannelWriter<GetFlowsResponse> writer, CancellationToken ct)
    {
        try
        {
            await foreach (var response in node.Client.GetFlowsAsync(request, ct).ConfigureAwait(false))
            {
                await writer.WriteAsync(RelayMerge.Tag(response, node.Name), ct).ConfigureAwait(false);
            }
            await writer.WriteAsync(Unavailable(node, "the node ended the stream"), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            await writer.WriteAsync(Unavailable(node, Describe(e)), ct).ConfigureAwait(false);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // the relay's client went away
        }
    }

    private GetFlowsResponse Unavailable(RelayNode node, string why) =>
        RelayMerge.NodeStatus(NodeState.NodeUnavailable, [node.Name], $"{node.Name}: {why}", relayName);

    private static async Task CompleteAfter(Task[] pumps, ChannelWriter<GetFlowsResponse> writer)
    {
        await Task.WhenAll(pumps).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        writer.TryComplete();
    }

    private static ulong Sum(IEnumerable<ServerStatusResponse> statuses, Func<ServerStatusResponse, ulong> field) =>
        statuses.Aggregate(0UL, (total, s) => total + field(s));

    private static async Task<(RelayNode Node, T? Value)> Try<T>(RelayNode node, Func<ObserverClient, Task<T>> call)
        where T : class
    {
        try
        {
            return (node, await call(node.Client).ConfigureAwait(false));
        }
        catch (RpcException)
        {
            return (node, null);
        }
    }

    private static string Describe(Exception e) => e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message;
}
