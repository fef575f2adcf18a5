using System.Globalization;

namespace Palisade.Policy.Yaml;

/// <summary>
/// Resolves plain scalars the way kubectl does (sigs.k8s.io/yaml, YAML 1.1): <c>yes</c>, <c>on</c> and
/// <c>true</c> are booleans, <c>~</c> and empty are null. This is why an unquoted label value <c>on</c> is an error.
/// </summary>
public static class ScalarResolver
{
    private static readonly HashSet<string> Bools = new(StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    };

    private static readonly HashSet<string> Nulls = new(StringComparer.Ordinal) { "", "~", "null", "Null", "NULL" };

    /// <summary>Resolves a plain (unquoted) scalar.</summary>
    public static ScalarKind Resolve(string text)
    {
        if (Nulls.Contains(text)) return ScalarKind.Null;
        if (Bools.Contains(text)) return ScalarKind.Bool;
        if (TryParseInt(text, out _)) return ScalarKind.Int;
        if (IsFloat(text)) return ScalarKind.Float;
        return ScalarKind.String;
    }

    /// <summary>
    /// The integer a plain scalar denotes, as yaml.v2 (under sigs.k8s.io/yaml) reads it: it starts with a digit or sign,
    /// underscores are ignored, 0x, 0o and 0b prefixes set the base, and a leading 0 makes it octal, so <c>port: 010</c>
    /// is port 8. With an 8 or 9 after the leading 0 yaml.v2 reads a float of the decimal digits, which becomes that
    /// whole number again in JSON.
    /// </summary>
    public static bool TryParseInt(string text, out long value)
    {
        value = 0;
        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || text[0] is '+' or '-')) return false;
        var plain = text.Replace("_", "", StringComparison.Ordinal);
        var negative = plain[0] == '-';
        var digits = plain[0] is '+' or '-' ? plain[1..] : plain;
        var (radix, body) = digits switch
        {
            _ when digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => (16u, digits[2..]),
            _ when digits.StartsWith("0o", StringComparison.OrdinalIgnoreCase) => (8u, digits[2..]),
            _ when digits.StartsWith("0b", StringComparison.OrdinalIgnoreCase) => (2u, digits[2..]),
            _ when digits.Length > 1 && digits[0] == '0' && digits.All(c => c is >= '0' and <= '7') => (8u, digits[1..]),
            _ => (10u, digits),
        };
        if (body.Length == 0) return false;
        ulong magnitude = 0;
        foreach (var c in body)
        {
            var digit = char.IsAsciiDigit(c) ? (uint)(c - '0') : char.IsAsciiLetter(c) ? (uint)(char.ToLowerInvariant(c) - 'a' + 10) : uint.MaxValue;
            if (digit >= radix || magnitude > (ulong.MaxValue - digit) / radix) return false;
            magnitude = (magnitude * radix) + digit;
        }
        if (magnitude > (negative ? (ulong)long.MaxValue + 1 : long.MaxValue)) return false;
        value = negative ? unchecked(-(long)magnitude) : (long)magnitude;
        return true;
    }

    /// <summary>True for a plain scalar that the API would read as a boolean true.</summary>
    public static bool IsTrue(string text) => text is "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON";

    private static bool IsFloat(string text) =>
        text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '-' or '+' or '.')
        && text.Any(char.IsDigit)
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
