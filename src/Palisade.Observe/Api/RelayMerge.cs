namespace Palisade.Observe.Api;

/// <summary>How a relay merges the stored flows several nodes returned for one non-follow request.</summary>
internal static class RelayMerge
{
    /// <summary>
    /// The responses in time order, keeping the first or last <c>number</c> flows of all nodes together (each node
    /// already sent at most <c>number</c>); lost-events notices are kept whatever the number.
    /// </summary>
    public static IEnumerable<GetFlowsResponse> Select(IEnumerable<GetFlowsResponse> responses, GetFlowsRequest request)
    {
        var sorted = responses.OrderBy(r => r.Time).ToList();
        if (request.Number == 0)
        {
            return sorted;
        }
        var flows = sorted.Where(r => r.Flow is not null);
        var count = (int)Math.Min(request.Number, int.MaxValue);
        var keep = (request.First ? flows.Take(count) : flows.TakeLast(count)).ToHashSet(ReferenceEqualityComparer.Instance);
        return sorted.Where(r => r.Flow is null || keep.Contains(r));
    }

    /// <summary>Names the node on a relayed response, and on its flow when the node left the flow's name empty.</summary>
    public static GetFlowsResponse Tag(GetFlowsResponse response, string node)
    {
        response.NodeName = node;
        if (response.Flow is { NodeName.Length: 0 } flow)
        {
            flow.NodeName = node;
        }
        return response;
    }

    /// <summary>A node status notice (<c>node_status</c>) for the given nodes.</summary>
    public static GetFlowsResponse NodeStatus(NodeState state, IEnumerable<string> nodes, string message, string relay) => new()
    {
        NodeStatus = new NodeStatusEvent { StateChange = state, NodeNames = { nodes }, Message = message },
        NodeName = relay,
        Time = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow),
    };
}
