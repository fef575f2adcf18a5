using System.Globalization;
using System.Text;
using Palisade.Bench.Lab;

namespace Palisade.Bench.Observe;

/// <summary>
/// The NFLOG bench's markdown: every run, then per reader the medians, and the full reader against the raw one as
/// the median of the rounds' own ratios (each round ran both, back to back), with their smallest and largest.
/// </summary>
internal static class NflogBenchReport
{
    /// <summary>The tables and a line on how they were measured.</summary>
    public static string Render(IReadOnlyList<(NflogBenchResult Raw, NflogBenchResult Full)> rounds, NflogBenchOptions options, double seconds)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"NFLOG to user space: {options.Packets:N0} UDP datagrams per run dropped by `udp dport 9999 counter log group {options.Group} drop` (receiver's input hook); copy {options.CopyRange} B, qthreshold {options.QueueThreshold}, nlbufsiz {options.BatchBufferKiB} KiB, rcvbuf {options.ReceiveBufferMiB} MiB.\n");
        text.AppendLine("| round | reader | sent/s | logged | received | lost | overruns | events/s | CPU ns/event |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < rounds.Count; i++)
        {
            var (first, second) = i % 2 == 0 ? (rounds[i].Raw, rounds[i].Full) : (rounds[i].Full, rounds[i].Raw);
            foreach (var r in new[] { first, second }) text.AppendLine(CultureInfo.InvariantCulture, $"| {i + 1} | {Row(r)} |");
        }
        text.AppendLine("\n| reader | events/s (median) | lost (total) | overruns (total) | CPU ns/event (median) |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var results in new[] { rounds.Select(r => r.Raw).ToList(), rounds.Select(r => r.Full).ToList() })
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {results[0].Reader} | {DatapathReport.Median(results.Select(r => r.EventsPerSecond)):N0} | {results.Sum(r => r.Lost):N0} | {results.Sum(r => r.Overruns):N0} | {DatapathReport.Median(results.Select(r => r.CpuNsPerEvent)):N0} |");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"\nfull / raw events/s: {Ratio(rounds, r => r.EventsPerSecond)}; full / raw CPU per event: {Ratio(rounds, r => r.CpuNsPerEvent)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{rounds.Count} rounds interleaved ABBA; {seconds:F0} s in all.");
        return text.ToString();
    }

    private static string Row(NflogBenchResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Reader} | {r.SentPerSecond:N0} | {r.Logged:N0} | {r.Received:N0} | {r.Lost:N0} | {r.Overruns:N0} | {r.EventsPerSecond:N0} | {r.CpuNsPerEvent:N0}");

    private static string Ratio(IReadOnlyList<(NflogBenchResult Raw, NflogBenchResult Full)> rounds, Func<NflogBenchResult, double> figure)
    {
        var ratios = rounds.Where(r => figure(r.Raw) > 0).Select(r => figure(r.Full) / figure(r.Raw)).ToList();
        return ratios.Count == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"**{DatapathReport.Median(ratios):F2}** ({ratios.Min():F2}–{ratios.Max():F2})");
    }
}
