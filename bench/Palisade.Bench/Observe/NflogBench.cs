using System.Diagnostics;
using Palisade.Lab;
using Palisade.Observe.Kernel;

namespace Palisade.Bench.Observe;

/// <summary>
/// <c>Palisade.Bench nflog [--packets 1000000] [--rounds 4] [--group 7] [--copy 128] [--qthreshold 64]
/// [--nlbufsiz-kib 32] [--rcvbuf-mib 8] [--quick]</c>: how many NFLOG events per second reach user space, and how many are lost, when a
/// C flooder (<see cref="UdpFlood"/>) sends as fast as it can into a <c>log group drop</c> rule in namespaces of the
/// bench's own. Two readers take turns, ABBA: a raw one that only counts messages (the baseline) and the full
/// <see cref="NflogReader"/> with <see cref="PacketHeaders.TryParse"/> and an optional sink, after one short
/// unreported run of each to warm up. Needs root and gcc.
/// </summary>
internal static class NflogBench
{
    /// <summary>Runs the bench; <paramref name="sink"/> (e.g. a flow ring) gets every event the full reader decodes.</summary>
    public static async Task<int> RunAsync(string[] args, NflogSink? sink = null)
    {
        var options = NflogBenchOptions.Parse(args);
        var clock = Stopwatch.StartNew();
        try
        {
            using var flood = await UdpFlood.CompileAsync();
            await using var lab = await NflogBenchLab.CreateAsync(options.Group);
            var readerOptions = new NflogOptions
            {
                CopyRange = options.CopyRange,
                QueueThreshold = options.QueueThreshold,
                NetlinkBufferSize = options.BatchBufferKiB << 10,
                ReceiveBufferSize = options.ReceiveBufferMiB << 20,
            };
            var warmUp = options with { Packets = Math.Min(options.Packets, 20_000) };
            await MeasureAsync(lab, flood, warmUp, Raw);
            await MeasureAsync(lab, flood, warmUp, Full);
            var rounds = new List<(NflogBenchResult Raw, NflogBenchResult Full)>();
            for (var round = 0; round < options.Rounds; round++)
            {
                var rawFirst = round % 2 == 0;
                var first = await MeasureAsync(lab, flood, options, rawFirst ? Raw : Full);
                var second = await MeasureAsync(lab, flood, options, rawFirst ? Full : Raw);
                rounds.Add(rawFirst ? (first, second) : (second, first));
            }
            Console.WriteLine(NflogBenchReport.Render(rounds, options, clock.Elapsed.TotalSeconds));
            return 0;

            BenchReader Raw() => new RawNflogReader(lab.Receiver, options.Group, readerOptions);
            BenchReader Full() => new FullNflogReader(lab.Receiver, options.Group, readerOptions, sink);
        }
        catch (Exception e) when (e is InvalidOperationException or LabException or NetlinkException)
        {
            Console.Error.WriteLine("nflog: " + e.Message);
            return 1;
        }
    }

    private static async Task<NflogBenchResult> MeasureAsync(NflogBenchLab lab, UdpFlood flood, NflogBenchOptions options, Func<BenchReader> open)
    {
        using var reader = open();
        var loggedBefore = await lab.LoggedAsync();
        using var stop = new CancellationTokenSource();
        var thread = new Thread(() => reader.Run(stop.Token)) { IsBackground = true, Name = "nflog bench reader" };
        thread.Start();
        var (sent, sendSeconds) = await flood.RunAsync(lab.Sender, NflogBenchLab.ReceiverAddress, NflogBenchLab.Port, options.Packets, options.Rate);
        var logged = await lab.LoggedAsync() - loggedBefore;
        await WaitForTheLastAsync(reader, logged);
        await stop.CancelAsync();
        thread.Join();
        Console.Error.WriteLine($"  {reader.Name}: {reader.Received:N0} of {logged:N0} logged ({sent:N0} sent){reader.Detail}");
        return new NflogBenchResult(reader.Name, sent, sendSeconds, logged, reader.Received, reader.Overruns, reader.Seconds, reader.Cpu);
    }

    /// <summary>Waits until the reader has every logged event, or has received nothing new for a second.</summary>
    private static async Task WaitForTheLastAsync(BenchReader reader, long logged)
    {
        var idleSince = Stopwatch.StartNew();
        var last = reader.Received;
        while (reader.Received < logged && idleSince.Elapsed < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(50);
            if (reader.Received != last) idleSince.Restart();
            last = reader.Received;
        }
    }
}
