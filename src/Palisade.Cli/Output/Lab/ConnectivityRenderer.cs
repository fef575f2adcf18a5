using Palisade.Lab.Connectivity;

namespace Palisade.Cli.Output.Lab;

/// <summary>
/// A connectivity test as the upstream network-policy e2e suite prints it: one matrix per probe, sources down and
/// destinations across, <c>.</c> reached and <c>X</c> stopped as the kernel did it, with <c>!</c> where the engine
/// predicted the other; then every disagreement with the engine's reasons.
/// </summary>
internal static class ConnectivityRenderer
{
    public static void Write(TextWriter writer, ConnectivityReport report)
    {
        var byKey = report.Cells.ToDictionary(c => (c.From, c.To, c.Probe));
        foreach (var probe in report.Probes)
        {
            writer.WriteLine($"{probe}: . reached, X stopped (as observed); ! where the engine predicted otherwise");
            var table = new ColumnTable(["FROM \\ TO", .. report.Destinations.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            foreach (var from in report.Sources)
            {
                table.Add([from, .. report.Destinations.Select(to => byKey.TryGetValue((from, to, probe), out var c) ? Mark(c) : "-")]);
            }
            table.Write(writer);
            for (var i = 0; i < report.Destinations.Count; i++) writer.WriteLine($"  {i + 1} = {report.Destinations[i]}");
            writer.WriteLine();
        }
        foreach (var m in report.Mismatches)
        {
            writer.WriteLine($"MISMATCH {m.From} -> {m.To} {m.Probe}: engine predicted {(m.Predicted ? "allowed" : "denied")}, kernel {(m.Observed ? "let it through" : "stopped it")} ({m.Outcome})");
            foreach (var line in m.Explanation) writer.WriteLine($"    {line}");
        }
        writer.WriteLine($"{report.Cells.Count} probes: {report.Cells.Count - report.Mismatches.Count} agree, {report.Mismatches.Count} disagree");
    }

    private static string Mark(ConnectivityCell cell) => (cell.Observed ? "." : "X") + (cell.Agrees ? "" : "!");
}
