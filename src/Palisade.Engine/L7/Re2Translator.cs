using System.Globalization;
using System.Text;

namespace Palisade.Engine.L7;

/// <summary>What the translator emitted last (a quantifier needs an atom before it).</summary>
internal enum Last
{
    Nothing,
    Atom,
    Quantifier,
}

/// <summary>
/// The RE2-to-.NET translation behind <see cref="HttpRegex"/>: a recursive-descent pass over one pattern that
/// re-emits every construct explicitly (see <see cref="HttpRegex"/> for what is supported and refused).
/// </summary>
internal sealed class Re2Translator(string pattern)
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
                    if (_outer.Count == 0) throw new UnsupportedRegexException("is not a valid regular expression: unexpected )");
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
        if (_outer.Count > 0) throw new UnsupportedRegexException("is not a valid regular expression: missing )");
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
        if (_last == Last.Nothing) throw new UnsupportedRegexException($"is not a valid regular expression: missing argument to repetition operator {text}");
        if (_last == Last.Quantifier) throw new UnsupportedRegexException($"is not a valid regular expression: nested repetition operator {text}");
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
        if (min > HttpRegex.MaxRepeat || max > HttpRegex.MaxRepeat || max < min)
        {
            throw new UnsupportedRegexException($"is not a valid regular expression: invalid repeat count {pattern[(_pos - 1)..(at + 1)]}");
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
        if (_pos == start || Peek() != '>') throw new UnsupportedRegexException("is not a valid regular expression: invalid named capture");
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
            var c = Peek() ?? throw new UnsupportedRegexException("is not a valid regular expression: missing )");
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
                    throw new UnsupportedRegexException(c is '=' or '!' or '<'
                        ? "is not supported: look-arounds are not regular expressions in Cilium's RE2"
                        : $"is not a valid regular expression: invalid or unsupported group syntax (?{c}");
            }
            any = true;
            anyAfterMinus |= negated;
        }
    }

    private void Escape()
    {
        var c = Peek() ?? throw new UnsupportedRegexException("is not a valid regular expression: trailing backslash");
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
                if (c != '0' && Peek() is not (>= '0' and <= '7')) throw new UnsupportedRegexException("is not supported: back-references are not regular expressions in Cilium's RE2");
                var value = c - '0';
                for (var n = 0; n < 2 && Peek() is >= '0' and <= '7'; n++) value = (value * 8) + (pattern[_pos++] - '0');
                return value;
            default:
                if (c < 0x80 && !char.IsAsciiLetterOrDigit(c)) return c; // escaped punctuation is itself
                throw new UnsupportedRegexException($"is not supported: unknown escape \\{c}");
        }
    }

    private int Hex()
    {
        int value;
        if (Peek() == '{')
        {
            var close = pattern.IndexOf('}', _pos);
            var digits = close < 0 ? "" : pattern[(_pos + 1)..close];
            if (digits.Length is 0 or > 8 || !digits.All(char.IsAsciiHexDigit)) throw new UnsupportedRegexException("is not a valid regular expression: invalid \\x{…} escape");
            value = int.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            _pos = close + 1;
        }
        else
        {
            if (_pos + 2 > pattern.Length || !char.IsAsciiHexDigit(pattern[_pos]) || !char.IsAsciiHexDigit(pattern[_pos + 1]))
            {
                throw new UnsupportedRegexException("is not a valid regular expression: invalid \\x escape");
            }
            value = int.Parse(pattern.AsSpan(_pos, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            _pos += 2;
        }
        if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF) throw new UnsupportedRegexException("is not a valid regular expression: escape is not a character");
        return value;
    }

    /// <summary>After <c>\p</c> or <c>\P</c>: a general category as a .NET class item (<c>\p{Lu}</c>).</summary>
    private string UnicodeClass(bool negated)
    {
        string name;
        if (Peek() == '{')
        {
            var close = pattern.IndexOf('}', _pos);
            if (close < 0) throw new UnsupportedRegexException("is not a valid regular expression: missing } in \\p{…}");
            name = pattern[(_pos + 1)..close];
            _pos = close + 1;
        }
        else
        {
            name = (Peek() ?? throw new UnsupportedRegexException("is not a valid regular expression: \\p without a class")).ToString();
            _pos++;
        }
        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }
        if (name == "Any") return negated ? "" : @"\u0000-\uFFFF";
        if (!GeneralCategories.Contains(name, StringComparer.Ordinal)) throw new UnsupportedRegexException($"is not supported: Unicode class \\p{{{name}}}");
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
            var c = Peek() ?? throw new UnsupportedRegexException("is not a valid regular expression: missing ]");
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
                throw new UnsupportedRegexException("is not supported: POSIX collating elements and equivalence classes");
            }
            if (ClassItem(items) is not { } from) continue;
            if (Peek() == '-' && Peek(1) is { } next && next != ']')
            {
                _pos++;
                var to = ClassItem(items) ?? throw new UnsupportedRegexException("is not a valid regular expression: bad character class range");
                if (to < from) throw new UnsupportedRegexException("is not a valid regular expression: bad character class range");
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
            var e = Peek() ?? throw new UnsupportedRegexException("is not a valid regular expression: missing ]");
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
        if (from > 0xFFFF) throw new UnsupportedRegexException("is not supported: characters outside the Basic Multilingual Plane in a class");
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
            _ => throw new UnsupportedRegexException($"is not a valid regular expression: unknown POSIX class [:{name}:]"),
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
