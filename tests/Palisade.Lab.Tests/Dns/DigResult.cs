using System.Text.RegularExpressions;

namespace Palisade.Lab.Tests.Dns;

/// <summary>One record line of dig's output: owner, TTL, type and data (class IN is implied).</summary>
internal sealed record DigRecord(string Name, int Ttl, string Type, string Data);

/// <summary>dig's answer parsed from its default output: the status, header flags and the three record sections.</summary>
internal sealed partial record DigResult(string Status, IReadOnlySet<string> Flags, IReadOnlyList<DigRecord> Answer, IReadOnlyList<DigRecord> Authority, IReadOnlyList<DigRecord> Additional)
{
    public IEnumerable<string> AnswerData(string type) => Answer.Where(r => r.Type == type).Select(r => r.Data);

    public static DigResult Parse(string output)
    {
        var status = StatusPattern().Match(output);
        var flags = FlagsPattern().Match(output);
        if (!status.Success || !flags.Success) throw new InvalidOperationException("dig printed no answer:\n" + output);
        return new DigResult(status.Groups[1].Value, flags.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
            Section(output, "ANSWER"), Section(output, "AUTHORITY"), Section(output, "ADDITIONAL"));
    }

    private static List<DigRecord> Section(string output, string name)
    {
        var lines = output.Split('\n').SkipWhile(l => l != $";; {name} SECTION:").Skip(1).TakeWhile(l => l.Length > 0);
        return [.. lines.Select(l => l.Split((char[])['\t', ' '], 5, StringSplitOptions.RemoveEmptyEntries))
            .Select(f => new DigRecord(f[0], int.Parse(f[1], global::System.Globalization.CultureInfo.InvariantCulture), f[3], f[4].Trim()))];
    }

    [GeneratedRegex(@"status: (\w+)")]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@";; flags: ([a-z ]*);")]
    private static partial Regex FlagsPattern();
}
