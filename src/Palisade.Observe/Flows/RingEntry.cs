using Google.Protobuf.WellKnownTypes;

namespace Palisade.Observe.Flows;

/// <summary>One event of a <see cref="FlowRing"/>: a flow or a lost-events notice, never both.</summary>
/// <param name="Seq">The event's sequence number in the ring; -1 for a notice made by a reader that fell behind.</param>
/// <param name="Flow">The flow, or null.</param>
/// <param name="Lost">The lost-events notice, or null.</param>
/// <param name="Time">When the event happened (the flow's time, or when it was written if the flow has none).</param>
internal sealed record RingEntry(long Seq, Flow? Flow, LostEvent? Lost, Timestamp Time);
