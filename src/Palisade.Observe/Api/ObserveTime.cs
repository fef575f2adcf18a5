using System.Globalization;
using System.Text.RegularExpressions;

namespace Palisade.Observe.Api;

/// <summary>
/// The times <c>--since</c> and <c>--until</c> take, as Hubble's time.FromString: a duration before now
/// (<c>30s</c>, <c>5m</c>, <c>1h30m</c>), a compact-output timestamp (<c>Nov 23 18:01:02.123</c>, this year, UTC),
/// a date (<c>2024-11-23</c>) or an RFC 3339 time (<c>2024-11-23T18:01:02Z</c>, offsets allowed).
/// </summary>
internal static partial class ObserveTime
{
    private static readonly string[] StampFormats = ["MMM d HH:mm:ss.fff", "MMM d HH:mm:ss"];

    /// <summary>Parses the time; throws <see cref="ObserveFlagException"/> naming the flag and the accepted forms.</summary>
    public static DateTimeOffset Parse(string flag, string? text, DateTimeOffset now)
    {
        text = (text ?? "").Trim();
        if (DurationPattern().IsMatch(text))
        {
            return now - ParseDuration(text);
        }
        var collapsed = Spaces().Replace(text, " ");
        if (DateTime.TryParseExact(collapsed, StampFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var stamp))
        {
            return new DateTimeOffset(now.UtcDateTime.Year, stamp.Month, stamp.Day, stamp.Hour, stamp.Minute, stamp.Second,
                stamp.Millisecond, TimeSpan.Zero);
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }
        throw new ObserveFlagException(flag,
            $"invalid {flag} value \"{text}\": expected a duration before now (30s, 5m, 1h30m), " +
            "a timestamp like \"Nov 23 18:01:02.123\", a date (2024-11-23) or an RFC 3339 time (2024-11-23T18:01:02Z)");
    }

    private static TimeSpan ParseDuration(string text)
    {
        var total = TimeSpan.Zero;
        foreach (Match part in DurationPart().Matches(text))
        {
            var amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "ms" => TimeSpan.FromMilliseconds(amount),
                "us" or "µs" => TimeSpan.FromMicroseconds(amount),
                _ => TimeSpan.FromTicks((long)(amount / 100)),
            };
        }
        return total;
    }

    [GeneratedRegex(@"^(\d+(\.\d+)?(h|ms|m|s|us|µs|ns))+$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPart();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
