using System.Globalization;
using System.Text;

namespace Palisade.Bench.Lab;

/// <summary>
/// The datapath bench's markdown: new connections per allow-set size, then one connection's request/response and
/// throughput at the largest size. Figures are medians over the rounds of each state's best run; a ratio is the
/// median of the rounds' own ratios (each pairs the state with policy and the one without, back to back), with their
/// smallest and largest.
/// </summary>
internal static class DatapathReport
{
    /// <summary>The tables and a line on how they were measured.</summary>
    public static string Render(IReadOnlyList<DatapathRow> rows, DatapathOptions options, IReadOnlyList<double> loads, double seconds)
    {
        var text = new StringBuilder();
        text.AppendLine("New connections (dp-rr crr: connect, 1 byte each way, close; one at a time):\n");
        text.AppendLine("| allow-set entries | apply to enforced (ms) | same node conn/s | no policy | ratio (min–max) | across nodes conn/s | no policy | ratio (min–max) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var same = row.Pairs[DatapathProbe.Connections[0]];
            var across = row.Pairs[DatapathProbe.Connections[1]];
            var apply = row.ApplyMs.Count > 0 ? Median(row.ApplyMs).ToString("F0", CultureInfo.InvariantCulture) : "—";
            var label = row.Entries == 0 ? "0 (no policy both sides)" : row.Entries.ToString("N0", CultureInfo.InvariantCulture);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {apply} | {Rates(same, "N0")} | {RatioOf(same)} | {Rates(across, "N0")} | {RatioOf(across)} |");
        }
        if (rows.FirstOrDefault(r => r.Pairs.ContainsKey(DatapathProbe.Established[0])) is { } established)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"\nOne established connection with {established.Entries:N0} allow-set entries (dp-rr rr: 1-byte ping-pong; dp-rr stream: 128 KiB writes):\n");
            text.AppendLine("| path | RR trans/s | no policy | ratio (min–max) | RR p99 µs | no policy | stream Gbit/s | no policy | ratio (min–max) |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var across in new[] { false, true })
            {
                var rr = established.Pairs[new DatapathProbe("rr", across)];
                var stream = established.Pairs[new DatapathProbe("stream", across)];
                var p99 = $"{Median(rr.Select(p => p.Policy.P99Us)):F0} | {Median(rr.Select(p => p.NoPolicy.P99Us)):F0}";
                text.AppendLine(CultureInfo.InvariantCulture, $"| {new DatapathProbe("rr", across).Path} | {Rates(rr, "N0")} | {RatioOf(rr)} | {p99} | {Rates(stream, "F2")} | {RatioOf(stream)} |");
            }
        }
        text.AppendLine(CultureInfo.InvariantCulture,
            $"\n{options.Rounds} rounds interleaved ABBA, in each state the best of {options.BestOf} runs of {options.Seconds:G} s per probe; 1-minute load average {loads.Min():F2}–{loads.Max():F2} (median {Median(loads):F2}); {seconds:F0} s in all.");
        return text.ToString();
    }

    private static string Rates(List<DatapathPair> pairs, string format) =>
        $"{Median(pairs.Select(p => p.Policy.Rate)).ToString(format, CultureInfo.InvariantCulture)} | {Median(pairs.Select(p => p.NoPolicy.Rate)).ToString(format, CultureInfo.InvariantCulture)}";

    private static string RatioOf(List<DatapathPair> pairs) => string.Create(CultureInfo.InvariantCulture,
        $"**{Median(pairs.Select(p => p.Ratio)):F2}** ({pairs.Min(p => p.Ratio):F2}–{pairs.Max(p => p.Ratio):F2})");

    /// <summary>The median (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
