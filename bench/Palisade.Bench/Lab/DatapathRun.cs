using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Palisade.Lab;
using Palisade.Lab.Netns;
using Palisade.Policy.Loading;

namespace Palisade.Bench.Lab;

/// <summary>
/// Measures one allow-set size against no policy, interleaved as ABBA so that a drift of the machine between the two
/// halves of a round cancels: even rounds run no policy, apply, policy; odd rounds policy, delete, no policy. In each
/// state every probe runs best-of times, alternating with the others, and the best run counts: other work on the
/// machine only ever slows a run down, so the best of a few short runs is the least disturbed one.
/// Progress goes to stderr; the 1-minute load average is sampled before every run.
/// </summary>
internal sealed class DatapathRun(string lab, DpRr tool, DatapathPods pods, DatapathOptions options)
{
    // After an apply or delete the bench waits this long, so that work of the lab's processes after their answer
    // (garbage collection, state writes) does not land in the next runs.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>The 1-minute load averages seen before each client run.</summary>
    public List<double> Loads { get; } = [];

    /// <summary>Seconds since the run started.</summary>
    public double Elapsed => clock.Elapsed.TotalSeconds;

    /// <summary>All rounds for <paramref name="entries"/>; with <paramref name="established"/> also RR and stream.</summary>
    public async Task<DatapathRow> MeasureAsync(int entries, bool established)
    {
        var probes = established ? [.. DatapathProbe.Connections, .. DatapathProbe.Established] : DatapathProbe.Connections;
        var row = new DatapathRow(entries);
        var policy = DatapathManifests.Policy(entries, options.Port);
        for (var round = 0; round < options.Rounds; round++)
        {
            var policyFirst = round % 2 == 1;
            var first = await MeasureStateAsync(probes, entries, round, policyFirst);
            if (policyFirst) await SendAsync(entries, policy, apply: false);
            else row.ApplyMs.AddRange(await ApplyAsync(entries, policy, check: round == 0));
            if (entries > 0) await Task.Delay(Settle);
            var second = await MeasureStateAsync(probes, entries, round, !policyFirst);
            if (policyFirst) row.Add(second, first);
            else row.Add(first, second);
        }
        if (options.Rounds % 2 == 1) await SendAsync(entries, policy, apply: false);
        return row;
    }

    private async Task<IReadOnlyDictionary<DatapathProbe, DpRrResult>> MeasureStateAsync(IReadOnlyList<DatapathProbe> probes, int entries, int round, bool withPolicy)
    {
        var runs = probes.ToDictionary(p => p, _ => new List<DpRrResult>());
        for (var i = 0; i < options.BestOf; i++)
        {
            foreach (var probe in probes)
            {
                Loads.Add(LoadAverage());
                runs[probe].Add(await tool.RunAsync(pods.ClientOf(probe), probe.Mode, pods.Server, options.Port, options.Seconds));
            }
        }
        var results = runs.ToDictionary(r => r.Key, r => DpRrResult.Best(r.Value));
        var state = withPolicy && entries > 0 ? "policy" : "no policy";
        var line = string.Join(", ", results.Select(r => Describe(r.Key, r.Value)));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Elapsed,4:F0}s] {entries:N0} entries, round {round + 1}/{options.Rounds}, {state}: {line} (load {Loads[^1]:F2})"));
        return results;
    }

    private static string Describe(DatapathProbe probe, DpRrResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{probe.Mode} {probe.Path} {(probe.Mode == "stream" ? $"{r.Rate:F2} Gbit/s" : $"{r.Rate:N0}/s p99 {r.P99Us:F0} µs")}{(r.Errors > 0 ? $" ({r.Errors} errors)" : "")}");

    /// <summary>Applies the policy (nothing for 0 entries): its time to the controller's answer, checked enforced on the first round.</summary>
    private async Task<IEnumerable<double>> ApplyAsync(int entries, IReadOnlyList<ManifestObject> policy, bool check)
    {
        if (entries == 0) return [];
        if (check && await IsDroppedAsync()) throw new InvalidOperationException($"port {options.Port + 1} of the server is dropped before any policy: the lab is not in the state the bench expects");
        var clock = Stopwatch.StartNew();
        await SendAsync(entries, policy, apply: true);
        var ms = clock.Elapsed.TotalMilliseconds;
        if (check && !await IsDroppedAsync()) throw new InvalidOperationException($"after applying {entries:N0} entries, port {options.Port + 1} (not allowed) still answers: the policy is not enforced, so the figures would not measure it");
        return [ms];
    }

    private async Task SendAsync(int entries, IReadOnlyList<ManifestObject> policy, bool apply)
    {
        if (entries == 0) return;
        var answer = apply ? await LabManager.ApplyAsync(lab, policy, _ => { }) : await LabManager.DeleteAsync(lab, policy, _ => { });
        if (!answer.Ok) throw new InvalidOperationException($"{(apply ? "apply" : "delete")} of the {entries:N0}-entry policy failed: {answer.Text}");
    }

    /// <summary>True when a connection from the same-node client to the server's port+1 gets no answer (a SYN dropped by policy), false when refused.</summary>
    private async Task<bool> IsDroppedAsync()
    {
        using var socket = NetworkNamespace.CreateSocket(pods.SameNode, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        try
        {
            await socket.ConnectAsync(new IPEndPoint(pods.Server, options.Port + 1), cancel.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
