using System.Text.RegularExpressions;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Cilium;

/// <summary>
/// <c>toFQDNs</c> entries and L7 <c>dns</c> rules: exactly one of matchName and matchPattern, at most 255
/// characters, of the characters the CRD allows (<c>^([-a-zA-Z0-9_]+[.]?)+$</c>, plus <c>*</c> in patterns).
/// </summary>
internal static partial class FqdnValidator
{
    private const int MaxLength = 255;

    // The CRD's patterns, rewritten without nested quantifiers (same language, linear time).
    [GeneratedRegex(@"^[-a-zA-Z0-9_]+(\.[-a-zA-Z0-9_]+)*\.?$")]
    private static partial Regex NameSyntax();

    [GeneratedRegex(@"^[-a-zA-Z0-9_*]+(\.[-a-zA-Z0-9_*]+)*\.?$")]
    private static partial Regex PatternSyntax();

    /// <summary>Checks one selector at <paramref name="path"/>.</summary>
    public static void Validate(FqdnSelector selector, FieldPath path, ProblemList problems)
    {
        if (selector.MatchName is null && selector.MatchPattern is null)
        {
            problems.Error(path, "one of matchName or matchPattern is required", "write e.g. matchName: api.example.com or matchPattern: \"*.example.com\"");
        }
        if (selector.MatchName is not null && selector.MatchPattern is not null)
        {
            problems.Error(path, "only one of matchName and matchPattern may be set", "use two entries to match both");
        }
        if (selector.MatchName is { } name) Check(name, path.Field("matchName"), NameSyntax(), "a-z, A-Z, 0-9, '-', '_' and '.'", problems);
        if (selector.MatchPattern is { } pattern) Check(pattern, path.Field("matchPattern"), PatternSyntax(), "a-z, A-Z, 0-9, '-', '_', '.' and '*'", problems);
    }

    private static void Check(string value, FieldPath path, Regex syntax, string allowed, ProblemList problems)
    {
        if (value.Length > MaxLength) problems.Error(path, $"must be no more than {MaxLength} characters (has {value.Length})");
        else if (!syntax.IsMatch(value))
        {
            problems.Error(path, $"invalid DNS name \"{value}\": only {allowed} are allowed, with no empty labels",
                value.Contains("://", StringComparison.Ordinal) || value.Contains('/', StringComparison.Ordinal) ? "give the host name only, without scheme or path" : null);
        }
    }
}
