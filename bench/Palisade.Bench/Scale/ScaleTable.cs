using System.Globalization;
using System.Text;

namespace Palisade.Bench.Scale;

/// <summary>Renders measurements as a Markdown table (readable in a terminal, pasted as is into docs/benchmarks.md).</summary>
internal static class ScaleTable
{
    private static readonly string[] Header =
    [
        "pods", "policies", "identities", "classes", "parse s", "build s", "matrix s", "analyze s", "cpu s", "peak MiB",
        "analyze/parse", "naive all pairs (extrap.)", "naive/analyze", "sampled pairs", "disagree (naive, oracle probes)", "load",
    ];

    public static string Render(IEnumerable<Measurement> rows)
    {
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", Header).Append(" |\n");
        sb.Append('|').AppendJoin('|', Header.Select(h => "---:")).Append("|\n");
        foreach (var m in rows) sb.Append("| ").AppendJoin(" | ", Cells(m)).Append(" |\n");
        return sb.ToString();
    }

    public static IEnumerable<string> Cells(Measurement m)
    {
        if (m.Status != "ok") return [Pods(m), I(m.Policies), m.Status, .. Enumerable.Repeat("", Header.Length - 3)];
        return
        [
            Pods(m), I(m.Policies), I(m.Identities), I(m.Classes), S(m.ParseMs), S(m.BuildMs), S(m.MatrixMs), S(m.AnalyzeMs), S(m.CpuMs),
            I(m.PeakWorkingSetBytes >> 20), $"{m.AnalyzeMs / m.ParseMs:F2}x", Duration(m.NaiveAllPairsMs), $"{m.NaiveAllPairsMs / m.AnalyzeMs:N0}x",
            I(m.NaivePairs), $"{m.Disagreements}/{m.NaivePairs}, {m.OracleDisagreements}/{m.OracleProbes}", m.LoadAverage.ToString("F1", CultureInfo.InvariantCulture),
        ];
    }

    private static string Pods(Measurement m) => m.ReplicaFactor > 1 ? $"{I(m.Pods)} (replicas x{m.ReplicaFactor})" : I(m.Pods);

    private static string I(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double ms) => (ms / 1000).ToString("F2", CultureInfo.InvariantCulture);

    private static string Duration(double ms)
    {
        var s = ms / 1000;
        return s switch
        {
            < 120 => $"{s:F1} s",
            < 7200 => $"{s / 60:F0} min",
            < 172800 => $"{s / 3600:F1} h",
            _ => $"{s / 86400:F0} days",
        };
    }
}
