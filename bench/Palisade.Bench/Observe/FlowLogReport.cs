using System.Globalization;
using System.Text;

namespace Palisade.Bench.Observe;

/// <summary>The flow-logging bench's table: CRR with logging on and off and their ratio, and the follow latency.</summary>
internal static class FlowLogReport
{
    public static string Render(Dictionary<(string Lab, bool Across), List<double>> rates, (List<double> Relay, List<double> Node) latency, int rounds, int bestOf, double seconds)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"New connections per second (dp-rr crr, best of {bestOf} × {seconds:0.##} s, {rounds} ABBA rounds, median over rounds):\n");
        text.AppendLine("| path | flow logging on | off | on / off (rounds: min–max) |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var across in new[] { false, true })
        {
            var on = rates[("flowon", across)];
            var off = rates[("flowoff", across)];
            var ratios = on.Zip(off, (a, b) => a / b).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"| {(across ? "across nodes" : "same node")} | {Median(on):N0} | {Median(off):N0} | **{Median(ratios):F2}** ({ratios.Min():F2}–{ratios.Max():F2}) |");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"\nFrom connect() to the connection's flow at a follower (ms; {latency.Relay.Count + latency.Node.Count} connections, alternating):\n");
        text.AppendLine("| follower | p50 | p99 | max |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var (name, list) in new[] { ("the server's node agent", latency.Node), ("the lab's relay", latency.Relay) })
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Percentile(list, 0.5):F1} | {Percentile(list, 0.99):F1} | {list.Max():F1} |");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"\nrelay / node p50: {Percentile(latency.Relay, 0.5) / Percentile(latency.Node, 0.5):F2}");
        return text.ToString();
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }
}
