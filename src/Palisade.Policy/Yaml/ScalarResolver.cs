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
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return ScalarKind.Int;
        if (IsFloat(text)) return ScalarKind.Float;
        return ScalarKind.String;
    }

    /// <summary>True for a plain scalar that the API would read as a boolean true.</summary>
    public static bool IsTrue(string text) => text is "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON";

    private static bool IsFloat(string text) =>
        text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '-' or '+' or '.')
        && text.Any(char.IsDigit)
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
