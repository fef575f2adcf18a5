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

/// <summary>
/// Translates the regular expressions of Cilium HTTP rules into .NET regular expressions with the same meaning.
/// Cilium documents them as extended POSIX; Envoy compiles them with RE2 (<c>safe_regex</c>, google_re2), which accepts
/// ERE and some Perl syntax. The translation follows RE2 (Go's regexp/syntax, the same grammar):
/// <list type="bullet">
/// <item>Every construct is re-emitted explicitly, never copied: literals as <c>\uXXXX</c>, classes as code-point
/// ranges, so .NET-only syntax (class subtraction <c>[a-[b]]</c>, <c>\_</c>) cannot sneak in.</item>
/// <item><c>\d \w \s</c> and the POSIX classes <c>[[:alpha:]]</c>, <c>[[:digit:]]</c>, <c>[[:alnum:]]</c>,
/// <c>[[:space:]]</c>, <c>[[:upper:]]</c>, <c>[[:lower:]]</c>, <c>[[:punct:]]</c>, <c>[[:xdigit:]]</c> … (and
/// negated <c>[[:^alpha:]]</c>) are ASCII, as in RE2; .NET's own <c>\d</c> would also match Arabic-Indic digits.</item>
/// <item><c>^</c> and <c>$</c> are start and end of text (<c>\A</c>, <c>\z</c>) unless <c>(?m)</c> is on; .NET's
/// <c>$</c> would also match before a final newline.</item>
/// <item>Escaped punctuation (<c>\.</c>, <c>\/</c>) is literal; <c>\n \t \r \f \v \a</c>, <c>\xHH</c>,
/// <c>\x{H…}</c>, octal <c>\123</c>, <c>\Q…\E</c>, <c>\b \B \A \z</c>, <c>\pL</c>/<c>\p{Lu}</c> (general categories),
/// flags <c>(?imsU)</c> and groups <c>(?:…)</c>, <c>(?P&lt;n&gt;…)</c> are supported; captures become
/// non-capturing, which does not change whether the whole value matches.</item>
/// <item>What RE2 rejects (back-references, look-arounds, <c>a**</c>, repeat counts over 1000, POSIX collating
/// elements <c>[[.a.]]</c>) or what cannot be expressed faithfully (Unicode scripts, characters outside the BMP in a
/// class) is refused: the caller makes the rule match nothing.</item>
/// </list>
/// Patterns that could backtrack badly run on .NET's linear-time engine; the others have a one-second timeout, and a
/// match that times out counts as not matching. .NET matches UTF-16 code units, so
/// <c>.</c> does not match a character outside the BMP (RE2 would); HTTP paths are ASCII in practice.
/// </summary>
internal static class HttpRegex
{
    /// <summary>How long one match may run before it counts as no match.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>RE2's largest repeat count.</summary>
    private const int MaxRepeat = 1000;

    /// <summary>Up to this many unbounded repeats (and no repeated group), a pattern runs on the backtracking interpreter.</summary>
    private const int MaxBacktrackingRepeats = 2;

    /// <summary>
    /// Compiles <paramref name="pattern"/> to match a whole value, or returns null with the reason in
    /// <paramref name="problem"/> (a phrase such as <c>is not supported: back-references</c>). A pattern that could
    /// backtrack badly (a repeated group such as <c>(a+)+</c>, or more than two unbounded repeats such as
    /// <c>.*.*.*</c>) runs on .NET's linear-time engine, like RE2, without a timeout. The others, such as
    /// <c>/public/.*</c>, run on the backtracking interpreter, which builds ten times faster, under
    /// <see cref="MatchTimeout"/>.
    /// </summary>
    public static Regex? Compile(string pattern, out string? problem)
    {
        if (!TryTranslate(pattern, out var body, out var risky, out problem)) return null;
        var anchored = @"\A(?:" + body + @")\z";
        if (risky)
        {
            try
            {
                return new Regex(anchored, Options | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
            }
            catch (NotSupportedException)
            {
                // .NET's interpreter can spin past its timeout on a repeated group that matches empty ("(a?)+?"),
                // so such a pattern does not fall back to it.
                problem = "is too large to evaluate in linear time";
                return null;
            }
            catch (ArgumentException ex)
            {
                problem = $"cannot be compiled: {ex.Message}";
                return null;
            }
        }
        try
        {
            return new Regex(anchored, Options, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            problem = $"cannot be compiled: {ex.Message}";
            return null;
        }
    }

    /// <summary>True when <paramref name="regex"/> matches <paramref name="value"/>; a timeout counts as no match.</summary>
    public static bool IsMatch(Regex regex, string value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false; // the interpreter's backtracking stack outgrew an int; only seen with repeated groups, which avoid it
        }
    }

    /// <summary>
    /// The .NET form of RE2 <paramref name="pattern"/> (not anchored), or false with the reason in
    /// <paramref name="problem"/>.
    /// </summary>
    public static bool TryTranslate(string pattern, out string translated, out string? problem) =>
        TryTranslate(pattern, out translated, out _, out problem);

    private static bool TryTranslate(string pattern, out string translated, out bool risky, out string? problem)
    {
        var translator = new Translator(pattern);
        try
        {
            translated = translator.Run();
            risky = translator.RepeatsGroup || translator.UnboundedRepeats > MaxBacktrackingRepeats;
            problem = null;
            return true;
        }
        catch (UnsupportedException ex)
        {
            translated = "";
            risky = false;
            problem = ex.Message;
            return false;
        }
    }

    private sealed class UnsupportedException(string message) : Exception(message);

    private enum Last
    {
        Nothing,
        Atom,
        Quantifier,
    }

    private sealed class Translator(string pattern)
    {
        private static readonly (int From, int To)[] Digit = [('0', '9')];
        private static readonly (int From, int To)[] Word = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
        private static readonly (int From, int To)[] Space = [('\t', '\n'), ('\f', '\r'), (' ', ' ')];

        private static readonly string[] GeneralCategories =
        [
            "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
            "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn",
        ];

        private readonly StringBuilder _out = new();
        private readonly Stack<bool> _outer = new();
        private bool _multiline;
        private int _pos;
        private Last _last = Last.Nothing;

        /// <summary>True when a quantifier applies to a group.</summary>
        public bool RepeatsGroup { get; private set; }

        /// <summary>How many <c>*</c>, <c>+</c> and <c>{n,}</c> the pattern has.</summary>
        public int UnboundedRepeats { get; private set; }

        public string Run()
        {
            while (_pos < pattern.Length)
            {
                var c = pattern[_pos++];
                switch (c)
                {
                    case '\\':
                        Escape();
                        break;
                    case '[':
                        Atom(Class());
                        break;
                    case '(':
                        OpenGroup();
                        break;
                    case ')':
                        if (_outer.Count == 0) throw new UnsupportedException("is not a valid regular expression: unexpected )");
                        _multiline = _outer.Pop();
                        _out.Append(')');
                        _last = Last.Atom;
                        break;
                    case '|':
                        _out.Append('|');
                        _last = Last.Nothing;
                        break;
                    case '*' or '+' or '?':
                        Quantifier(c.ToString());
                        break;
                    case '{':
                        if (TryRepeat(out var repeat)) Quantifier(repeat);
                        else Atom(Literal('{'));
                        break;
                    case '^':
                        Atom(_multiline ? "(?m:^)" : @"(?:\A)");
                        break;
                    case '$':
                        Atom(_multiline ? "(?m:$)" : @"(?:\z)");
                        break;
                    case '.':
                        Atom(".");
                        break;
                    default:
                        if (char.IsHighSurrogate(c) && _pos < pattern.Length && char.IsLowSurrogate(pattern[_pos]))
                        {
                            Atom("(?:" + Literal(c) + Literal(pattern[_pos++]) + ")");
                        }
                        else
                        {
                            Atom(Literal(c));
                        }
                        break;
                }
            }
            if (_outer.Count > 0) throw new UnsupportedException("is not a valid regular expression: missing )");
            return _out.ToString();
        }

        private char? Peek(int ahead = 0) => _pos + ahead < pattern.Length ? pattern[_pos + ahead] : null;

        private void Atom(string text)
        {
            _out.Append(text);
            _last = Last.Atom;
        }

        private void Quantifier(string text)
        {
            if (_last == Last.Nothing) throw new UnsupportedException($"is not a valid regular expression: missing argument to repetition operator {text}");
            if (_last == Last.Quantifier) throw new UnsupportedException($"is not a valid regular expression: nested repetition operator {text}");
            if (_out.Length > 0 && _out[^1] == ')') RepeatsGroup = true;
            if (text is "*" or "+" || text.EndsWith(",}", StringComparison.Ordinal)) UnboundedRepeats++;
            _out.Append(text);
            if (Peek() == '?')
            {
                _pos++;
                _out.Append('?');
            }
            _last = Last.Quantifier;
        }

        /// <summary>After <c>{</c>: <c>n}</c>, <c>n,}</c> or <c>n,m}</c>; anything else leaves <c>{</c> a literal, as in RE2.</summary>
        private bool TryRepeat(out string text)
        {
            text = "";
            var at = _pos;
            if (!Number(ref at, out var min)) return false;
            int? max = min;
            if (at < pattern.Length && pattern[at] == ',')
            {
                at++;
                max = null;
                if (at < pattern.Length && char.IsAsciiDigit(pattern[at]))
                {
                    if (!Number(ref at, out var m)) return false;
                    max = m;
                }
            }
            if (at >= pattern.Length || pattern[at] != '}') return false;
            if (min > MaxRepeat || max > MaxRepeat || max < min)
            {
                throw new UnsupportedException($"is not a valid regular expression: invalid repeat count {pattern[(_pos - 1)..(at + 1)]}");
            }
            text = pattern[(_pos - 1)..(at + 1)];
            _pos = at + 1;
            return true;
        }

        /// <summary>Decimal digits without a leading zero (RE2 refuses <c>{01}</c> as a repeat).</summary>
        private bool Number(ref int at, out int value)
        {
            value = 0;
            var start = at;
            while (at < pattern.Length && char.IsAsciiDigit(pattern[at])) at++;
            var digits = at - start;
            if (digits == 0 || (digits > 1 && pattern[start] == '0')) return false;
            value = digits > 8 ? int.MaxValue : int.Parse(pattern.AsSpan(start, digits), NumberStyles.None, CultureInfo.InvariantCulture);
            return true;
        }

        private void OpenGroup()
        {
            if (Peek() != '?')
            {
                Push("(?:");
                return;
            }
            _pos++;
            if (Peek() == 'P' && Peek(1) == '<')
            {
                _pos += 2;
                GroupName();
                Push("(?:");
            }
            else if (Peek() == '<' && Peek(1) is not ('=' or '!'))
            {
                _pos++;
                GroupName();
                Push("(?:");
            }
            else if (Peek() == ':')
            {
                _pos++;
                Push("(?:");
            }
            else
            {
                Flags();
            }
        }

        private void Push(string text)
        {
            _outer.Push(_multiline);
            _out.Append(text);
            _last = Last.Nothing;
        }

        private void GroupName()
        {
            var start = _pos;
            while (_pos < pattern.Length && (char.IsAsciiLetterOrDigit(pattern[_pos]) || pattern[_pos] == '_')) _pos++;
            if (_pos == start || Peek() != '>') throw new UnsupportedException("is not a valid regular expression: invalid named capture");
            _pos++;
        }

        /// <summary>After <c>(?</c>: flags <c>imsU</c>, optionally negated after <c>-</c>, then <c>)</c> or <c>:</c>.</summary>
        private void Flags()
        {
            var on = new StringBuilder();
            var off = new StringBuilder();
            bool? multiline = null;
            var negated = false;
            var any = false;
            var anyAfterMinus = false;
            while (true)
            {
                var c = Peek() ?? throw new UnsupportedException("is not a valid regular expression: missing )");
                _pos++;
                switch (c)
                {
                    case 'i' or 's':
                        (negated ? off : on).Append(c);
                        break;
                    case 'm':
                        multiline = !negated;
                        break;
                    case 'U':
                        break; // ungreedy: the same values match a whole-value regex either way
                    case '-' when !negated:
                        negated = true;
                        continue;
                    case ':' or ')' when any && (!negated || anyAfterMinus):
                        var dotnet = on.Length + off.Length == 0 ? "" : on + (off.Length > 0 ? "-" + off : "");
                        if (c == ':')
                        {
                            Push($"(?{dotnet}:");
                            if (multiline is { } m) _multiline = m;
                        }
                        else
                        {
                            if (dotnet.Length > 0) _out.Append($"(?{dotnet})");
                            if (multiline is { } m) _multiline = m;
                            _last = Last.Nothing;
                        }
                        return;
                    default:
                        throw new UnsupportedException(c is '=' or '!' or '<'
                            ? "is not supported: look-arounds are not regular expressions in Cilium's RE2"
                            : $"is not a valid regular expression: invalid or unsupported group syntax (?{c}");
                }
                any = true;
                anyAfterMinus |= negated;
            }
        }

        private void Escape()
        {
            var c = Peek() ?? throw new UnsupportedException("is not a valid regular expression: trailing backslash");
            _pos++;
            switch (c)
            {
                case 'd': Atom(Class(Digit, false)); break;
                case 'D': Atom(Class(Digit, true)); break;
                case 'w': Atom(Class(Word, false)); break;
                case 'W': Atom(Class(Word, true)); break;
                case 's': Atom(Class(Space, false)); break;
                case 'S': Atom(Class(Space, true)); break;
                case 'b': Atom(@"(?:\b)"); break;
                case 'B': Atom(@"(?:\B)"); break;
                case 'A': Atom(@"(?:\A)"); break;
                case 'z': Atom(@"(?:\z)"); break;
                case 'p' or 'P':
                    var item = UnicodeClass(c == 'P');
                    Atom(item.Length == 0 ? @"[^\u0000-\uFFFF]" : "[" + item + "]");
                    break;
                case 'Q':
                    var end = pattern.IndexOf(@"\E", _pos, StringComparison.Ordinal);
                    var quoted = end < 0 ? pattern[_pos..] : pattern[_pos..end];
                    _pos = end < 0 ? pattern.Length : end + 2;
                    foreach (var q in quoted) Atom(Literal(q));
                    break;
                default:
                    var code = EscapedCharacter(c);
                    Atom(code > 0xFFFF ? "(?:" + string.Concat(char.ConvertFromUtf32(code).Select(Literal)) + ")" : Literal((char)code));
                    break;
            }
        }

        /// <summary>The character an escape stands for (after the backslash and <paramref name="c"/>).</summary>
        private int EscapedCharacter(char c)
        {
            switch (c)
            {
                case 'n': return '\n';
                case 't': return '\t';
                case 'r': return '\r';
                case 'f': return '\f';
                case 'v': return '\v';
                case 'a': return '\a';
                case 'x': return Hex();
                case >= '0' and <= '7':
                    // RE2: \0 and \1..\7 followed by an octal digit are octal; a lone \1..\7 is a back-reference.
                    if (c != '0' && Peek() is not (>= '0' and <= '7')) throw new UnsupportedException("is not supported: back-references are not regular expressions in Cilium's RE2");
                    var value = c - '0';
                    for (var n = 0; n < 2 && Peek() is >= '0' and <= '7'; n++) value = (value * 8) + (pattern[_pos++] - '0');
                    return value;
                default:
                    if (c < 0x80 && !char.IsAsciiLetterOrDigit(c)) return c; // escaped punctuation is itself
                    throw new UnsupportedException($"is not supported: unknown escape \\{c}");
            }
        }

        private int Hex()
        {
            int value;
            if (Peek() == '{')
            {
                var close = pattern.IndexOf('}', _pos);
                var digits = close < 0 ? "" : pattern[(_pos + 1)..close];
                if (digits.Length is 0 or > 8 || !digits.All(char.IsAsciiHexDigit)) throw new UnsupportedException("is not a valid regular expression: invalid \\x{…} escape");
                value = int.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                _pos = close + 1;
            }
            else
            {
                if (_pos + 2 > pattern.Length || !char.IsAsciiHexDigit(pattern[_pos]) || !char.IsAsciiHexDigit(pattern[_pos + 1]))
                {
                    throw new UnsupportedException("is not a valid regular expression: invalid \\x escape");
                }
                value = int.Parse(pattern.AsSpan(_pos, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                _pos += 2;
            }
            if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF) throw new UnsupportedException("is not a valid regular expression: escape is not a character");
            return value;
        }

        /// <summary>After <c>\p</c> or <c>\P</c>: a general category as a .NET class item (<c>\p{Lu}</c>).</summary>
        private string UnicodeClass(bool negated)
        {
            string name;
            if (Peek() == '{')
            {
                var close = pattern.IndexOf('}', _pos);
                if (close < 0) throw new UnsupportedException("is not a valid regular expression: missing } in \\p{…}");
                name = pattern[(_pos + 1)..close];
                _pos = close + 1;
            }
            else
            {
                name = (Peek() ?? throw new UnsupportedException("is not a valid regular expression: \\p without a class")).ToString();
                _pos++;
            }
            if (name.StartsWith('^'))
            {
                negated = !negated;
                name = name[1..];
            }
            if (name == "Any") return negated ? "" : @"\u0000-\uFFFF";
            if (!GeneralCategories.Contains(name, StringComparer.Ordinal)) throw new UnsupportedException($"is not supported: Unicode class \\p{{{name}}}");
            return (negated ? @"\P{" : @"\p{") + name + "}";
        }

        /// <summary>After <c>[</c>: a bracket expression, as a .NET class.</summary>
        private string Class()
        {
            var negate = false;
            if (Peek() == '^')
            {
                negate = true;
                _pos++;
            }
            var items = new StringBuilder();
            var first = true;
            while (true)
            {
                var c = Peek() ?? throw new UnsupportedException("is not a valid regular expression: missing ]");
                if (c == ']' && !first)
                {
                    _pos++;
                    break;
                }
                first = false;
                if (c == '[' && Peek(1) == ':')
                {
                    var close = pattern.IndexOf(":]", _pos + 2, StringComparison.Ordinal);
                    if (close >= 0)
                    {
                        items.Append(Posix(pattern[(_pos + 2)..close]));
                        _pos = close + 2;
                        continue;
                    }
                }
                if (c == '[' && Peek(1) is '=' or '.')
                {
                    throw new UnsupportedException("is not supported: POSIX collating elements and equivalence classes");
                }
                if (ClassItem(items) is not { } from) continue;
                if (Peek() == '-' && Peek(1) is { } next && next != ']')
                {
                    _pos++;
                    var to = ClassItem(items) ?? throw new UnsupportedException("is not a valid regular expression: bad character class range");
                    if (to < from) throw new UnsupportedException("is not a valid regular expression: bad character class range");
                    Range(items, from, to);
                }
                else
                {
                    Range(items, from, from);
                }
            }
            if (items.Length == 0) return negate ? @"[\u0000-\uFFFF]" : @"[^\u0000-\uFFFF]";
            return "[" + (negate ? "^" : "") + items + "]";
        }

        /// <summary>One item of a class: a character (returned) or an escape class (appended, null returned).</summary>
        private int? ClassItem(StringBuilder items)
        {
            var c = pattern[_pos++];
            if (c == '\\')
            {
                var e = Peek() ?? throw new UnsupportedException("is not a valid regular expression: missing ]");
                _pos++;
                switch (e)
                {
                    case 'd': items.Append(Items(Digit, false)); return null;
                    case 'D': items.Append(Items(Digit, true)); return null;
                    case 'w': items.Append(Items(Word, false)); return null;
                    case 'W': items.Append(Items(Word, true)); return null;
                    case 's': items.Append(Items(Space, false)); return null;
                    case 'S': items.Append(Items(Space, true)); return null;
                    case 'p' or 'P': items.Append(UnicodeClass(e == 'P')); return null;
                    default: return EscapedCharacter(e);
                }
            }
            if (char.IsHighSurrogate(c) && Peek() is { } low && char.IsLowSurrogate(low))
            {
                _pos++;
                return char.ConvertToUtf32(c, low);
            }
            return c;
        }

        private static void Range(StringBuilder items, int from, int to)
        {
            if (from > 0xFFFF) throw new UnsupportedException("is not supported: characters outside the Basic Multilingual Plane in a class");
            to = Math.Min(to, 0xFFFF);
            items.Append(Unit(from));
            if (to != from) items.Append('-').Append(Unit(to));
        }

        private static string Posix(string name)
        {
            var negated = name.StartsWith('^');
            (int, int)[] ranges = (negated ? name[1..] : name) switch
            {
                "alnum" => [('0', '9'), ('A', 'Z'), ('a', 'z')],
                "alpha" => [('A', 'Z'), ('a', 'z')],
                "ascii" => [(0, 0x7F)],
                "blank" => [('\t', '\t'), (' ', ' ')],
                "cntrl" => [(0, 0x1F), (0x7F, 0x7F)],
                "digit" => [('0', '9')],
                "graph" => [('!', '~')],
                "lower" => [('a', 'z')],
                "print" => [(' ', '~')],
                "punct" => [('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
                "space" => [('\t', '\r'), (' ', ' ')],
                "upper" => [('A', 'Z')],
                "word" => [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')],
                "xdigit" => [('0', '9'), ('A', 'F'), ('a', 'f')],
                _ => throw new UnsupportedException($"is not a valid regular expression: unknown POSIX class [:{name}:]"),
            };
            return Items(ranges, negated);
        }

        private static string Class((int From, int To)[] ranges, bool negated) => "[" + Items(ranges, negated) + "]";

        /// <summary>Class items for sorted, disjoint <paramref name="ranges"/>, or for their complement in the BMP.</summary>
        private static string Items((int From, int To)[] ranges, bool negated)
        {
            var items = new StringBuilder();
            if (!negated)
            {
                foreach (var (from, to) in ranges) Range(items, from, to);
                return items.ToString();
            }
            var next = 0;
            foreach (var (from, to) in ranges)
            {
                if (from > next) Range(items, next, from - 1);
                next = to + 1;
            }
            if (next <= 0xFFFF) Range(items, next, 0xFFFF);
            return items.ToString();
        }

        /// <summary>A literal character outside a class.</summary>
        private static string Literal(char c) => char.IsAsciiLetterOrDigit(c) ? c.ToString() : Unit(c);

        private static string Unit(int c) => "\\u" + c.ToString("X4", CultureInfo.InvariantCulture);
    }
}
