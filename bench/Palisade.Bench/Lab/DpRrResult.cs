using System.Globalization;

namespace Palisade.Bench.Lab;

/// <summary>
/// One run of the dp-rr client: <see cref="Rate"/> is transactions (rr) or connections (crr) per second, or Gbit/s
/// (stream); <see cref="P99Us"/> the 99th percentile of one transaction or connection in µs (0 for stream).
/// </summary>
internal sealed record DpRrResult(double Rate, double P99Us, long Errors)
{
    /// <summary>The least disturbed of several runs: the highest rate, the lowest p99, all errors.</summary>
    public static DpRrResult Best(IReadOnlyList<DpRrResult> runs) =>
        new(runs.Max(r => r.Rate), runs.Min(r => r.P99Us), runs.Sum(r => r.Errors));

    /// <summary>
    /// Reads a line such as <c>crr trans/s=12000 avg_us=80.1 p50_us=70.2 p99_us=180.3 n=24000 errors=0</c> or
    /// <c>stream gbit/s=11.50 bytes=... secs=2.001 errors=0</c>.
    /// </summary>
    public static DpRrResult Parse(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => double.Parse(kv[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var rate = fields.TryGetValue("trans/s", out var t) ? t
            : fields.TryGetValue("gbit/s", out var g) ? g
            : throw new InvalidOperationException($"dp-rr printed no rate: {line}");
        return new DpRrResult(rate, fields.GetValueOrDefault("p99_us"), (long)fields.GetValueOrDefault("errors"));
    }
}
