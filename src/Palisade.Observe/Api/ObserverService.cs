using System.Diagnostics;
using Grpc.Core;
using Palisade.Observe.Flows;

namespace Palisade.Observe.Api;

/// <summary>
/// A node's Observer API over its <see cref="FlowRing"/>: GetFlows (number, first, follow, since, until,
/// whitelist and blacklist with Hubble's semantics; lost events as <c>lost_events</c> responses), ServerStatus
/// and GetNodes (this node alone). A malformed filter fails the call with InvalidArgument.
/// </summary>
internal sealed class ObserverService(FlowRing ring, string nodeName) : Observer.ObserverBase
{
    /// <summary>The version reported in ServerStatus and GetNodes.</summary>
    public const string Version = "palisade";

    private readonly long started = Stopwatch.GetTimestamp();

    /// <inheritdoc />
    public override async Task GetFlows(GetFlowsRequest request, IServerStreamWriter<GetFlowsResponse> responseStream, ServerCallContext context)
    {
        FlowQuery query;
        try
        {
            query = FlowQuery.From(request);
        }
        catch (FlowFilterException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
        try
        {
            await foreach (var entry in ring.ReadAsync(query, context.CancellationToken).ConfigureAwait(false))
            {
                await responseStream.WriteAsync(Response(entry)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // the client went away or the call was cancelled: a normal end of a follow
        }
    }

    /// <inheritdoc />
    public override Task<ServerStatusResponse> ServerStatus(ServerStatusRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerStatusResponse
        {
            NumFlows = (ulong)ring.Count,
            MaxFlows = (ulong)ring.Capacity,
            SeenFlows = (ulong)ring.SeenFlows,
            UptimeNs = UptimeNs(),
            Version = Version,
            NumLostEvents = (ulong)ring.LostUpstream,
        });

    /// <inheritdoc />
    public override Task<GetNodesResponse> GetNodes(GetNodesRequest request, ServerCallContext context) =>
        Task.FromResult(new GetNodesResponse
        {
            Nodes =
            {
                new Node
                {
                    Name = nodeName,
                    Version = Version,
                    State = NodeState.NodeConnected,
                    UptimeNs = UptimeNs(),
                    NumFlows = (ulong)ring.Count,
                    MaxFlows = (ulong)ring.Capacity,
                    SeenFlows = (ulong)ring.SeenFlows,
                },
            },
        });

    private GetFlowsResponse Response(RingEntry entry)
    {
        var response = new GetFlowsResponse { NodeName = nodeName, Time = entry.Time };
        if (entry.Flow is { } flow)
        {
            if (flow.NodeName.Length == 0)
            {
                flow = flow.Clone();
                flow.NodeName = nodeName;
            }
            response.Flow = flow;
        }
        else
        {
            response.LostEvents = entry.Lost;
        }
        return response;
    }

    private ulong UptimeNs() => (ulong)Stopwatch.GetElapsedTime(started).Ticks * 100;
}
