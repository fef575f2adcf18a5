using Palisade.Policy.Cilium;

namespace Palisade.Engine.L7;

/// <summary>
/// A DNS name selector (<c>matchName</c> or <c>matchPattern</c>, in <c>toFQDNs</c> and L7 <c>dns</c> rules), matched as
/// Cilium matches it. Confirmed against Cilium's source: pkg/fqdn/matchpattern/matchpattern.go (ToAnchoredRegexp,
/// escapeRegexpCharacters, isDNSWildcard, Sanitize), pkg/fqdn/dnsproxy/proxy.go (CheckAllowed lower-cases the query
/// and adds the trailing dot; GeneratePattern turns a wildcard-only pattern into "match everything") and
/// pkg/policy/api/fqdn.go.
/// <list type="bullet">
/// <item>Pattern and name are lower-cased and given a trailing dot, so <c>API.github.com</c> and
/// <c>api.github.com.</c> are the same name.</item>
/// <item><c>matchName</c> matches exactly that name.</item>
/// <item>In <c>matchPattern</c>, <c>*</c> (a run of them counts as one) matches zero or more of
/// <c>[-a-zA-Z0-9_]</c>, never a dot: <c>*.cilium.io</c> matches <c>sub.cilium.io</c> but not <c>cilium.io</c> nor
/// <c>a.b.cilium.io</c>; <c>*cilium.io</c> matches <c>cilium.io</c> and <c>subcilium.io</c> but not
/// <c>www.cilium.io</c> (Cilium's API comment claims otherwise; the regex it generates does not).</item>
/// <item>A leading <c>**.</c> (two or more stars, then a dot) matches one or more whole labels:
/// <c>**.cilium.io</c> matches <c>a.cilium.io</c> and <c>a.b.cilium.io</c> but not <c>cilium.io</c>.</item>
/// <item>A pattern of only stars, with or without a final dot (<c>*</c>, <c>**.</c>), matches every name.
/// (Cilium's DNS proxy short-cuts it to match-all; its toFQDNs selector regex accepts every name made of DNS
/// characters, which is every name a cache holds.)</item>
/// </list>
/// Matching accepts the language of the regex Cilium generates, but without a regex engine: a dynamic programme over
/// pattern and name (at most 255 characters each), so it is linear in practice, never times out and builds instantly.
/// Characters Cilium's validation rejects (anything but <c>[-a-zA-Z0-9_.*]</c>) are matched literally here, where
/// Cilium would pass them to its regex engine unescaped; such a selector never reaches the engine after validation.
/// </summary>
public sealed class DnsNamePattern
{
    /// <summary>A run of stars, matching zero or more DNS characters (Cilium's allowedDNSCharsREGroup, <c>[-a-zA-Z0-9_]</c>).</summary>
    private const char Star = '*';

    private readonly string? _name;
    private readonly string? _glob;
    private readonly bool _labelsPrefix;
    private readonly bool _everything;

    private DnsNamePattern(string text, bool isPattern, string? name, string? glob, bool labelsPrefix, bool everything)
    {
        Text = text;
        IsPattern = isPattern;
        _name = name;
        _glob = glob;
        _labelsPrefix = labelsPrefix;
        _everything = everything;
    }

    /// <summary>The name or pattern as written in the policy.</summary>
    public string Text { get; }

    /// <summary>True for <c>matchPattern</c>, false for <c>matchName</c>.</summary>
    public bool IsPattern { get; }

    /// <summary>True when every name matches (a pattern made only of stars).</summary>
    public bool MatchesEverything => _everything;

    /// <summary>An exact name (<c>matchName</c>), compared case-insensitively with the trailing dot added.</summary>
    public static DnsNamePattern Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new DnsNamePattern(name, false, Normalize(name.Trim()), null, false, false);
    }

    /// <summary>A wildcard pattern (<c>matchPattern</c>). Never throws: see the class remarks for odd characters.</summary>
    public static DnsNamePattern Pattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var p = pattern.Trim().ToLowerInvariant();
        if (IsDnsWildcard(p)) return new DnsNamePattern(pattern, true, null, null, false, true);
        if (!p.EndsWith('.')) p += ".";
        // escapeRegexpCharacters: two or more leading stars and a dot match one or more whole labels.
        var leadingStars = 0;
        while (leadingStars < p.Length && p[leadingStars] == Star) leadingStars++;
        var labelsPrefix = leadingStars >= 2 && leadingStars < p.Length && p[leadingStars] == '.';
        if (labelsPrefix) p = p[(leadingStars + 1)..];
        return new DnsNamePattern(pattern, true, null, CollapseStars(p), labelsPrefix, false);
    }

    /// <summary>
    /// The selector's <c>matchName</c>, else its <c>matchPattern</c> (an empty string counts as unset, as in Cilium).
    /// A selector with neither matches nothing. Validation rejects one with both; here <c>matchName</c> wins (the L7
    /// lowering keeps both, as Cilium's DNS proxy ORs them).
    /// </summary>
    public static DnsNamePattern FromSelector(FqdnSelector s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!string.IsNullOrEmpty(s.MatchName)) return Name(s.MatchName);
        if (!string.IsNullOrEmpty(s.MatchPattern)) return Pattern(s.MatchPattern);
        return new DnsNamePattern("", false, null, null, false, false);
    }

    /// <summary>
    /// A DNS name as Cilium compares it: lower case (invariant culture) with a trailing dot (<c>dns.FQDN</c>). The
    /// empty name becomes the root, <c>.</c>.
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.ToLowerInvariant();
        return lower.EndsWith('.') ? lower : lower + ".";
    }

    /// <summary>True when the DNS name <paramref name="name"/> (as asked or as cached, any case, dot or not) matches.</summary>
    public bool Matches(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_everything) return true;
        var normalized = Normalize(name);
        if (_name is not null) return string.Equals(_name, normalized, StringComparison.Ordinal);
        if (_glob is null) return false;
        if (!_labelsPrefix) return Glob(_glob, normalized, 0);
        // One or more labels of DNS characters, each followed by a dot, then the rest of the pattern.
        var labelStart = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (c == '.')
            {
                if (i == labelStart) return false;
                if (Glob(_glob, normalized, i + 1)) return true;
                labelStart = i + 1;
            }
            else if (!IsDnsChar(c))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary><c>matchName: api.github.com</c> or <c>matchPattern: *.github.com</c>.</summary>
    public override string ToString() => (IsPattern ? "matchPattern: " : "matchName: ") + (Text.Length == 0 ? "\"\"" : Text);

    /// <summary>Cilium's isDNSWildcard: only stars, optionally followed by one dot.</summary>
    private static bool IsDnsWildcard(string pattern)
    {
        var stars = pattern.EndsWith('.') ? pattern[..^1] : pattern;
        return stars.Length > 0 && stars.All(c => c == Star);
    }

    private static string CollapseStars(string pattern)
    {
        var chars = new List<char>(pattern.Length);
        foreach (var c in pattern)
        {
            if (c != Star || chars.Count == 0 || chars[^1] != Star) chars.Add(c);
        }
        return new string([.. chars]);
    }

    private static bool IsDnsChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    /// <summary>
    /// True when <paramref name="glob"/> (literal characters and <see cref="Star"/>) matches all of
    /// <paramref name="name"/> from <paramref name="start"/>: the set of reachable name positions, token by token.
    /// </summary>
    private static bool Glob(string glob, string name, int start)
    {
        var n = name.Length;
        var current = new bool[n + 1];
        var next = new bool[n + 1];
        current[start] = true;
        foreach (var token in glob)
        {
            Array.Clear(next);
            var any = false;
            for (var p = start; p <= n; p++)
            {
                if (!current[p]) continue;
                if (token == Star)
                {
                    // zero or more DNS characters from p; the run ends at the first other character
                    var q = p;
                    next[q] = true;
                    while (q < n && IsDnsChar(name[q]) && !next[q + 1])
                    {
                        next[++q] = true;
                    }
                    any = true;
                }
                else if (p < n && name[p] == token)
                {
                    next[p + 1] = true;
                    any = true;
                }
            }
            if (!any) return false;
            (current, next) = (next, current);
        }
        return current[n];
    }
}
