using System.Diagnostics;
using Palisade.Agent.Flows;
using Palisade.Lab.Agents;
using Palisade.Observe.Flows;
using Palisade.Observe.Kernel;
using Palisade.Observe.Metrics;

namespace Palisade.Bench.Observe;

/// <summary>
/// <c>Palisade.Bench flowcost [--events 1000000]</c>: the CPU cost per event of each step after decoding, on one
/// thread: building the Flow, writing it to the ring, counting it in the metrics. Where the NFLOG bench's time goes.
/// </summary>
internal static class FlowCost
{
    public static int Run(string[] args)
    {
        var n = int.Parse(BenchArgs.Option(args, "--events", "1000000"), System.Globalization.CultureInfo.InvariantCulture);
        byte[] packet = [0x45, 0, 0, 40, 0, 0, 0x40, 0, 64, 6, 0, 0, 10, 244, 1, 1, 10, 244, 2, 1, 0xd4, 0x31, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff, 0, 0, 0, 0];
        if (!PacketHeaders.TryParse(packet, out var headers)) throw new InvalidOperationException("test packet did not parse");
        var rule = FlowRingSink.Rule;
        var directory = FlowDirectory.Empty("bench");
        var ring = new FlowRing(4096);
        var metrics = new FlowMetrics(FlowMetricsOptions.Parse(AgentObserver.MetricContext));
        var time = DateTime.UtcNow;
        Measure("build", n, () => FlowBuilder.Build(headers, time, rule.Number, rule, directory));
        Measure("build + ring", n, () => ring.Write(FlowBuilder.Build(headers, time, rule.Number, rule, directory)));
        var flow = FlowBuilder.Build(headers, time, rule.Number, rule, directory);
        Measure("metrics only", n, () => metrics.Observe(flow));
        Measure("build + ring + metrics", n, () =>
        {
            var f = FlowBuilder.Build(headers, time, rule.Number, rule, directory);
            ring.Write(f);
            metrics.Observe(f);
        });
        return 0;
    }

    private static void Measure(string name, int n, Action step)
    {
        for (var i = 0; i < 10_000; i++) step();
        var gc = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) step();
        var ns = clock.Elapsed.TotalNanoseconds / n;
        Console.WriteLine($"{name,-24} {ns,8:F0} ns/event  {1e9 / ns,12:N0} events/s  gen0 GCs {GC.CollectionCount(0) - gc}");
    }
}
