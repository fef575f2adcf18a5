using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Palisade.Policy.Errors;
using Palisade.Policy.Net;

namespace Palisade.Policy.Inventory;

/// <summary>
/// One name → address record of a <c>--dns-cache</c> file. <see cref="Name"/> is as written (matching normalises
/// case and the trailing dot); <see cref="Address"/> is a valid IPv4 or IPv6 address; <see cref="Source"/> says who
/// asked: <c>namespace/pod</c> in the text format, <c>endpoint 1234</c> (Cilium's endpoint id) in the JSON format,
/// null when not given. <see cref="Line"/> is the 1-based line the record (its address, in JSON) is on.
/// </summary>
public sealed record DnsCacheRecord(string Name, string Address, int TtlSeconds, string? Source, int Line)
{
    /// <summary>When the name was resolved, when the input says (JSON <c>lookup-time</c>); null otherwise.</summary>
    public DateTimeOffset? LearnedAt { get; init; }
}

/// <summary>
/// Parses the text of a <c>--dns-cache</c> file (the CLI reads the file). Two formats, told apart by the first
/// character that is not white space:
/// <list type="bullet">
/// <item><c>[</c>: the JSON printed by <c>cilium-dbg fqdn cache list -o json</c> (also <c>cilium fqdn cache list</c>),
/// an array of Cilium's DNSLookup objects (api/v1/models/dns_lookup.go): <c>fqdn</c>, <c>ips</c>, <c>ttl</c>,
/// <c>lookup-time</c>, <c>expiration-time</c>, <c>endpoint-id</c>, <c>source</c>. One record per address. A missing
/// <c>ttl</c> (Cilium omits zero) is <c>expiration-time − lookup-time</c> when both are given, else 0. The
/// <c>source</c> field (<c>lookup</c> or <c>connection</c>) and unknown fields are ignored.</item>
/// <item>anything else: one record per line, <c>&lt;name&gt; &lt;address&gt; [ttl=&lt;seconds&gt;]
/// [from=&lt;namespace&gt;/&lt;pod&gt;]</c>, separated by spaces or tabs; <c>#</c> starts a comment; blank lines are
/// ignored; the TTL defaults to 3600 seconds.</item>
/// </list>
/// Every bad line is reported, one per line, in a single <see cref="InputException"/>.
/// </summary>
public static partial class DnsCacheFile
{
    /// <summary>The TTL of a text record without <c>ttl=</c>.</summary>
    public const int DefaultTtlSeconds = 3600;

    private const int MaxNameLength = 255;
    private const int MaxReported = 20;

    private const string TextUsage = "write one record per line as: <name> <address> [ttl=<seconds>] [from=<namespace>/<pod>]";
    private const string JsonUsage = "give the output of `cilium-dbg fqdn cache list -o json` unchanged";

    [GeneratedRegex(@"^[-a-zA-Z0-9_]+(\.[-a-zA-Z0-9_]+)*\.?$")]
    private static partial Regex NameSyntax();

    /// <summary>
    /// The records of <paramref name="text"/>; <paramref name="fileName"/> names the file in messages. An empty file
    /// gives no records.
    /// </summary>
    /// <exception cref="InputException">Some line is not a valid record; the message lists every such line.</exception>
    public static IReadOnlyList<DnsCacheRecord> Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        if (text.StartsWith('\uFEFF')) text = text[1..];
        var problems = new List<string>();
        var records = new List<DnsCacheRecord>();
        var first = text.AsSpan().TrimStart(" \t\r\n");
        if (!first.IsEmpty && first[0] is '[' or '{') ParseJson(text, fileName, records, problems);
        else ParseText(text, fileName, records, problems);
        if (problems.Count > 0)
        {
            var shown = problems.Take(MaxReported).ToList();
            if (problems.Count > MaxReported) shown.Add($"{fileName}: … and {problems.Count - MaxReported} more problems");
            throw new InputException(string.Join("\n", shown));
        }
        return records;
    }

    private static void ParseText(string text, string file, List<DnsCacheRecord> records, List<string> problems)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i];
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0) line = line[..hash];
            var fields = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0) continue;
            var at = $"{file}:{number}: ";
            if (fields.Length == 1)
            {
                problems.Add(IpAddressValue.TryParse(fields[0], out _)
                    ? $"{at}\"{fields[0]}\" has no name; {TextUsage}"
                    : $"{at}\"{fields[0]}\" has no address; {TextUsage}");
                continue;
            }
            var (name, address) = (fields[0], fields[1]);
            var ok = true;
            if (IpAddressValue.TryParse(name, out _) && !IpAddressValue.TryParse(address, out _))
            {
                problems.Add($"{at}\"{name}\" is an address and \"{address}\" is not: the name comes first; {TextUsage}");
                continue;
            }
            if (NameProblem(name) is { } nameProblem)
            {
                problems.Add($"{at}{nameProblem}; {TextUsage}");
                ok = false;
            }
            if (!IpAddressValue.TryParse(address, out _))
            {
                problems.Add($"{at}\"{address}\" is not an IP address; {TextUsage}");
                ok = false;
            }
            int? ttl = null;
            string? source = null;
            foreach (var option in fields.Skip(2))
            {
                if (Option(option, ref ttl, ref source) is { } optionProblem)
                {
                    problems.Add($"{at}{optionProblem}; {TextUsage}");
                    ok = false;
                }
            }
            if (ok) records.Add(new DnsCacheRecord(name, address, ttl ?? DefaultTtlSeconds, source, number));
        }
    }

    /// <summary>Reads <c>ttl=</c> or <c>from=</c> into <paramref name="ttl"/> or <paramref name="source"/>; returns what is wrong, if anything.</summary>
    private static string? Option(string option, ref int? ttl, ref string? source)
    {
        var eq = option.IndexOf('=', StringComparison.Ordinal);
        var key = eq < 0 ? option : option[..eq];
        var value = eq < 0 ? "" : option[(eq + 1)..];
        if (key == "ttl" && eq >= 0)
        {
            if (ttl is not null) return "ttl is given twice";
            ttl = Ttl(value);
            return ttl is null ? $"ttl \"{value}\" is not a whole number of seconds (0 to {int.MaxValue})" : null;
        }
        if (key == "from" && eq >= 0)
        {
            if (source is not null) return "from is given twice";
            var slash = value.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == value.Length - 1 || value.IndexOf('/', slash + 1) >= 0) return $"from \"{value}\" is not <namespace>/<pod>";
            source = value;
            return null;
        }
        return $"unexpected \"{option}\" (only ttl=<seconds> and from=<namespace>/<pod> may follow the address)";
    }

    private static int? Ttl(string value) =>
        value.Length > 0 && value.All(char.IsAsciiDigit) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    /// <summary>Why <paramref name="name"/> is not one DNS name, or null when it is.</summary>
    private static string? NameProblem(string name)
    {
        if (name.Contains('*', StringComparison.Ordinal)) return $"\"{name}\" is a pattern; a cache record names one host";
        if (name.Length > MaxNameLength) return $"\"{name[..20]}…\" is longer than {MaxNameLength} characters";
        if (!NameSyntax().IsMatch(name)) return $"\"{name}\" is not a DNS name (letters, digits, '-', '_' and '.' only, no empty labels)";
        return null;
    }

    private static void ParseJson(string text, string file, List<DnsCacheRecord> records, List<string> problems)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineMap(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read()) return;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                problems.Add($"{file}:{lines.Of(reader.TokenStartIndex)}: expected a JSON array of cache entries; {JsonUsage}");
                return;
            }
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    problems.Add($"{file}:{lines.Of(reader.TokenStartIndex)}: entry [{index}] is not an object; {JsonUsage}");
                    reader.Skip();
                }
                else
                {
                    Entry(ref reader, file, index, lines, records, problems);
                }
                index++;
            }
            while (reader.Read())
            {
                // reaching here means content after the array; the reader throws on anything but white space
            }
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
            problems.Add($"{file}:{(ex.LineNumber ?? 0) + 1}: invalid JSON: {message.TrimEnd('.')}; {JsonUsage}");
        }
    }

    /// <summary>One DNSLookup object; the reader is on its StartObject and ends on its EndObject.</summary>
    private static void Entry(ref Utf8JsonReader reader, string file, int index, LineMap lines, List<DnsCacheRecord> records, List<string> problems)
    {
        var line = lines.Of(reader.TokenStartIndex);
        var at = $"{file}:{line}: entry [{index}]";
        string? fqdn = null;
        int? ttl = null;
        string? source = null;
        DateTimeOffset? lookup = null, expiration = null;
        var ips = new List<(string Address, int Line)>();
        var ok = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            var valueLine = lines.Of(reader.TokenStartIndex);
            var here = $"{file}:{valueLine}: entry [{index}]";
            switch (property)
            {
                case "fqdn":
                    if (reader.TokenType != JsonTokenType.String) ok = Fail(problems, $"{here} \"fqdn\" is not a string; {JsonUsage}", ref reader);
                    else if (NameProblem(fqdn = reader.GetString()!) is { } nameProblem) ok = Fail(problems, $"{here} \"fqdn\": {nameProblem}; {JsonUsage}", ref reader);
                    break;
                case "ips":
                    if (reader.TokenType == JsonTokenType.Null) break;
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        ok = Fail(problems, $"{here} \"ips\" is not an array of addresses; {JsonUsage}", ref reader);
                        break;
                    }
                    var i = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var ipLine = lines.Of(reader.TokenStartIndex);
                        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } ip && IpAddressValue.TryParse(ip, out _)) ips.Add((ip, ipLine));
                        else ok = Fail(problems, $"{file}:{ipLine}: entry [{index}] ips[{i}] {Shown(ref reader)} is not an IP address; {JsonUsage}", ref reader);
                        i++;
                    }
                    break;
                case "ttl":
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var seconds) && seconds >= 0) ttl = seconds;
                    else ok = Fail(problems, $"{here} \"ttl\" {Shown(ref reader)} is not a whole number of seconds (0 to {int.MaxValue}); {JsonUsage}", ref reader);
                    break;
                case "endpoint-id":
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var endpoint) && endpoint >= 0) source = endpoint == 0 ? null : $"endpoint {endpoint}";
                    else ok = Fail(problems, $"{here} \"endpoint-id\" {Shown(ref reader)} is not an endpoint id; {JsonUsage}", ref reader);
                    break;
                case "lookup-time" or "expiration-time":
                    if (Time(ref reader) is { } time)
                    {
                        if (property == "lookup-time") lookup = time;
                        else expiration = time;
                    }
                    else
                    {
                        ok = Fail(problems, $"{here} \"{property}\" {Shown(ref reader)} is not a date-time; {JsonUsage}", ref reader);
                    }
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (fqdn is null && ok)
        {
            problems.Add($"{at} has no \"fqdn\"; {JsonUsage}");
            return;
        }
        if (!ok) return;
        if (ttl is null && lookup is { } l && expiration is { } e && e >= l)
        {
            ttl = (int)Math.Min(int.MaxValue, Math.Round((e - l).TotalSeconds));
        }
        foreach (var (address, ipLine) in ips)
        {
            records.Add(new DnsCacheRecord(fqdn!, address, ttl ?? 0, source, ipLine) { LearnedAt = lookup });
        }
    }

    /// <summary>Records <paramref name="problem"/>, skips the value the reader is on, and returns false.</summary>
    private static bool Fail(List<string> problems, string problem, ref Utf8JsonReader reader)
    {
        problems.Add(problem);
        reader.Skip();
        return false;
    }

    /// <summary>The value the reader is on, for a message: a string quoted, a number as written, else its kind.</summary>
    private static string Shown(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"\"{reader.GetString()}\"",
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True or JsonTokenType.False => reader.GetBoolean() ? "true" : "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "(an array)",
        _ => "(an object)",
    };

    private static DateTimeOffset? Time(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String) return null;
        if (reader.TryGetDateTimeOffset(out var time)) return time;
        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time) ? time : null;
    }

    /// <summary>Byte offset → 1-based line number.</summary>
    private sealed class LineMap
    {
        private readonly List<long> _newlines = [];

        public LineMap(byte[] bytes)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n') _newlines.Add(i);
            }
        }

        public int Of(long offset)
        {
            var at = _newlines.BinarySearch(offset);
            return (at < 0 ? ~at : at) + 1;
        }
    }
}
