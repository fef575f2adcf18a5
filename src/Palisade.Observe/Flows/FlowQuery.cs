using Google.Protobuf.WellKnownTypes;
using Palisade.Observe.Api;

namespace Palisade.Observe.Flows;

/// <summary>A <see cref="GetFlowsRequest"/> made ready for reading a <see cref="FlowRing"/>.</summary>
/// <param name="Predicate">The compiled whitelist and blacklist.</param>
/// <param name="Number">How many flows to return; 0 for all (with follow and no since: none of the stored ones).</param>
/// <param name="First">Whether to return the first flows rather than the last.</param>
/// <param name="Follow">Whether to keep streaming new flows.</param>
/// <param name="Since">Flows before this time are left out.</param>
/// <param name="Until">Flows after this time are left out.</param>
internal sealed record FlowQuery(FlowPredicate Predicate, ulong Number, bool First, bool Follow, Timestamp? Since, Timestamp? Until)
{
    /// <summary>Compiles a request; throws <see cref="FlowFilterException"/> when a filter is malformed.</summary>
    public static FlowQuery From(GetFlowsRequest request) => new(
        FlowPredicate.Compile(request.Whitelist, request.Blacklist),
        request.Number,
        request.First,
        request.Follow && !request.First,
        request.Since,
        request.Until);

    /// <summary>Whether a flow stored at <paramref name="time"/> belongs in the answer.</summary>
    public bool Includes(Flow flow, Timestamp time) => InWindow(time) && Predicate.Matches(flow);

    /// <summary>Whether the time is within since/until.</summary>
    public bool InWindow(Timestamp time) =>
        (Since is null || time.CompareTo(Since) >= 0) && (Until is null || time.CompareTo(Until) <= 0);
}
