using System.Globalization;
using System.Text.RegularExpressions;

namespace Palisade.Engine.L7;
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
    internal const int MaxRepeat = 1000;

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
        var translator = new Re2Translator(pattern);
        try
        {
            translated = translator.Run();
            risky = translator.RepeatsGroup || translator.UnboundedRepeats > MaxBacktrackingRepeats;
            problem = null;
            return true;
        }
        catch (UnsupportedRegexException ex)
        {
            translated = "";
            risky = false;
            problem = ex.Message;
            return false;
        }
    }
}

/// <summary>A construct of a pattern that RE2 rejects or that cannot be translated faithfully.</summary>
internal sealed class UnsupportedRegexException(string message) : Exception(message);
