using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Palisade.Policy.Cilium;

namespace Palisade.Engine.L7;

/// <summary>
/// One compiled Cilium HTTP rule (<c>rules.http[i]</c>), decided as Cilium's Envoy filter decides it. Every field
/// that is set must match; an empty rule (<c>{}</c>) matches every request.
/// <list type="bullet">
/// <item><c>method</c>, <c>path</c> and <c>host</c> are regular expressions that must match the whole value of
/// <c>:method</c>, <c>:path</c> (query string included) and <c>:authority</c> (port included when the client sent
/// one). Cilium hands them to Envoy as <c>safe_regex</c> header matchers, whose RE2 engine matches the whole value
/// (pkg/envoy/server.go, getHTTPRule), so <c>/v1/</c> does not match <c>/v1/foo</c>. Matching is case-sensitive,
/// methods included: <c>get</c> does not match <c>GET</c>. Cilium documents the syntax as extended POSIX; RE2 accepts
/// that and a little more (<c>\d</c>, <c>\w</c>, <c>\s</c>, <c>(?i)</c>, <c>\pL</c>), and these are translated with
/// RE2's ASCII meaning (see <see cref="HttpRegex"/>).</item>
/// <item><c>headers</c> entries are split at the first space, as Cilium does: <c>X-Key: true</c> requires header
/// <c>X-Key</c> (trailing colons dropped from the name) with exactly the value <c>true</c>; an entry without a space
/// requires only that a header of that name is present. So <c>X-Key:true</c>, without the space, asks for a header
/// named <c>X-Key:true</c>, which no request has; <see cref="Problems"/> says so.</item>
/// <item><c>headerMatches</c> entries with <c>mismatch</c> unset require the header with exactly <c>value</c> (only
/// presence when the value is empty). With <c>mismatch</c> LOG, ADD, DELETE or REPLACE the proxy acts on a mismatch
/// instead of denying, so those are not requirements. Entries with a <c>secret</c> are ignored (validation rejects
/// them: Palisade does not read Secrets).</item>
/// </list>
/// A field that cannot be translated faithfully makes the rule match nothing, and <see cref="Problems"/> says why:
/// an analysis then under-approximates what the rule allows rather than inventing access.
/// </summary>
public sealed class HttpRule
{
    private static readonly string[] MismatchActions = ["LOG", "ADD", "DELETE", "REPLACE"];

    private readonly Regex? _method;
    private readonly Regex? _path;
    private readonly Regex? _host;
    private readonly IReadOnlyList<HeaderRequirement> _required;
    private readonly string[] _headerTexts;
    private readonly string[] _headerMatchTexts;

    private HttpRule(PortRuleHttp rule)
    {
        var problems = new List<string>();
        Method = NullIfEmpty(rule.Method);
        Path = NullIfEmpty(rule.Path);
        Host = NullIfEmpty(rule.Host);
        _method = Compile("method", Method, problems);
        _path = Compile("path", Path, problems);
        _host = Compile("host", Host, problems);

        var required = new List<HeaderRequirement>();
        var headerTexts = new List<string>();
        foreach (var header in rule.Headers ?? [])
        {
            if (header is null) continue;
            headerTexts.Add(header);
            required.Add(FromHeaderEntry(header, problems));
        }
        var matchTexts = new List<string>();
        foreach (var match in rule.HeaderMatches ?? [])
        {
            if (match is null) continue;
            matchTexts.Add(Describe(match));
            if (match.Secret is not null)
            {
                problems.Add($"headerMatches \"{match.Name}\": secret is not read by Palisade; the entry is ignored");
                continue;
            }
            // Cilium maps an unknown mismatch action to FAIL_ON_MISMATCH, i.e. a requirement (pkg/envoy/server.go).
            if (match.Mismatch is { } action && MismatchActions.Contains(action, StringComparer.Ordinal)) continue;
            if (string.IsNullOrEmpty(match.Name))
            {
                problems.Add("headerMatches entry without a name never matches");
                required.Add(HeaderRequirement.Never);
                continue;
            }
            required.Add(new HeaderRequirement(match.Name, string.IsNullOrEmpty(match.Value) ? null : match.Value, false));
        }
        _required = required;
        _headerTexts = [.. headerTexts];
        _headerMatchTexts = [.. matchTexts];
        Problems = problems;
        MatchesNothing = (Method is not null && _method is null) || (Path is not null && _path is null) || (Host is not null && _host is null)
            || required.Any(r => r.Impossible);
    }

    /// <summary>The method pattern as written, or null when unset.</summary>
    public string? Method { get; }

    /// <summary>The path pattern as written, or null when unset.</summary>
    public string? Path { get; }

    /// <summary>The host pattern as written, or null when unset.</summary>
    public string? Host { get; }

    /// <summary>
    /// Why parts of the rule do not mean what they may seem to: a pattern that cannot be translated (the rule then
    /// matches nothing), a header entry that can never match, an ignored entry. Empty for an ordinary rule.
    /// </summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>True when a part of the rule can never match, so the rule matches no request.</summary>
    public bool MatchesNothing { get; }

    /// <summary>True for the empty rule <c>{}</c> (no requirement at all), which matches every request.</summary>
    public bool IsEmpty => Method is null && Path is null && Host is null && _required.Count == 0 && !MatchesNothing;

    /// <summary>Compiles one Cilium HTTP rule. Never throws for odd patterns: see <see cref="Problems"/>.</summary>
    public static HttpRule From(PortRuleHttp rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new HttpRule(rule);
    }

    /// <summary>True when <paramref name="request"/> satisfies every field of the rule.</summary>
    public bool Matches(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (MatchesNothing) return false;
        if (_method is not null && !HttpRegex.IsMatch(_method, request.Method)) return false;
        if (_path is not null && !HttpRegex.IsMatch(_path, request.Path)) return false;
        if (_host is not null && (request.Host is null || !HttpRegex.IsMatch(_host, request.Host))) return false;
        foreach (var requirement in _required)
        {
            if (requirement.Value is null ? !request.HasHeader(requirement.Name) : !string.Equals(request.HeaderValue(requirement.Name), requirement.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A compact description: <c>POST /v1/request-landing</c> when only method and path are set, otherwise the set
    /// fields as <c>method=… path=… host=… headers=[…] headerMatches=[…]</c>, and <c>{} (every request)</c> for the
    /// empty rule. A rule that matches nothing says so at the end.
    /// </summary>
    public override string ToString()
    {
        if (Method is null && Path is null && Host is null && _headerTexts.Length == 0 && _headerMatchTexts.Length == 0) return "{} (every request)";
        string text;
        if (Method is not null && Path is not null && Host is null && _headerTexts.Length == 0 && _headerMatchTexts.Length == 0)
        {
            text = $"{Method} {Path}";
        }
        else
        {
            var parts = new List<string>();
            if (Method is not null) parts.Add($"method={Method}");
            if (Path is not null) parts.Add($"path={Path}");
            if (Host is not null) parts.Add($"host={Host}");
            if (_headerTexts.Length > 0) parts.Add($"headers=[{string.Join(", ", _headerTexts)}]");
            if (_headerMatchTexts.Length > 0) parts.Add($"headerMatches=[{string.Join(", ", _headerMatchTexts)}]");
            text = string.Join(" ", parts);
        }
        return MatchesNothing ? text + " (matches nothing)" : IsEmpty ? text + " (every request)" : text;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value; // Cilium: h.Method != ""

    private static Regex? Compile(string field, string? pattern, List<string> problems)
    {
        if (pattern is null) return null;
        var regex = HttpRegex.Compile(pattern, out var problem);
        if (regex is null) problems.Add($"{field} \"{pattern}\" {problem}; the rule matches nothing");
        return regex;
    }

    /// <summary>One <c>headers</c> entry, read as Cilium reads it (strings.SplitN(hdr, " ", 2)).</summary>
    private static HeaderRequirement FromHeaderEntry(string entry, List<string> problems)
    {
        var space = entry.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            if (entry.Length == 0)
            {
                problems.Add("an empty headers entry never matches");
                return HeaderRequirement.Never;
            }
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                problems.Add($"headers entry \"{entry}\" has no space after ':'; Cilium reads it as a header named \"{entry}\", which no request has: write \"{entry[..colon]}: {entry[(colon + 1)..]}\"");
                return new HeaderRequirement(entry, null, true);
            }
            return new HeaderRequirement(entry, null, false);
        }
        var name = entry[..space].TrimEnd(':');
        var value = entry[(space + 1)..];
        if (name.Length == 0)
        {
            problems.Add($"headers entry \"{entry}\" has no header name before the space; it never matches");
            return HeaderRequirement.Never;
        }
        if (value.Length > 0 && (value[0] is ' ' or '\t' || value[^1] is ' ' or '\t'))
        {
            problems.Add($"headers entry \"{entry}\": the value \"{value}\" starts or ends with white space, which a request's header value never does; it never matches");
            return new HeaderRequirement(name, value, true);
        }
        // An empty exact value: Cilium's comment in getHTTPRule notes that Envoy treats it as matching any value.
        return new HeaderRequirement(name, value.Length == 0 ? null : value, false);
    }

    private static string Describe(HeaderMatch match)
    {
        var text = string.IsNullOrEmpty(match.Value) ? match.Name ?? "" : $"{match.Name}: {match.Value}";
        if (match.Secret is not null) text += " (secret)";
        if (match.Mismatch is { } action) text += $" (on mismatch {action})";
        return text;
    }

    /// <summary>A header that must be present (<see cref="Value"/> null) or have exactly <see cref="Value"/>.</summary>
    private sealed record HeaderRequirement(string Name, string? Value, bool Impossible)
    {
        public static readonly HeaderRequirement Never = new("", null, true);
    }
}
