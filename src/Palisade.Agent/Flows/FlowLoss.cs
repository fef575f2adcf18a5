using Palisade.Observe.Flows;
using Palisade.Observe.Metrics;

namespace Palisade.Agent.Flows;

/// <summary>Tells the ring and the metrics about events a kernel reader counted as lost since it last told them.</summary>
internal static class FlowLoss
{
    /// <summary>Reports <paramref name="lost"/> minus what was already <paramref name="reported"/>, and remembers it.</summary>
    public static void Report(long lost, ref long reported, FlowRing ring, FlowMetrics? metrics)
    {
        if (lost == reported) return;
        var missed = (ulong)(lost - reported);
        reported = lost;
        ring.AddLost(missed, LostEventSource.PerfEventRingBuffer);
        metrics?.ObserveLost(new LostEvent { Source = LostEventSource.PerfEventRingBuffer, NumEventsLost = missed });
    }
}
