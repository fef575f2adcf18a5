using Palisade.Policy.Diagnostics;
using Palisade.Policy.Loading;

namespace Palisade.Policy.Tests.Support;

/// <summary>Small helpers to load YAML and pick out diagnostics.</summary>
internal static class Manifests
{
    /// <summary>The file name every test input is loaded under.</summary>
    public const string File = "test.yaml";

    /// <summary>Loads <paramref name="yaml"/> as <see cref="File"/>.</summary>
    public static ManifestSet Load(string yaml) => ManifestLoader.LoadText(yaml, File);

    /// <summary>Only the errors.</summary>
    public static IReadOnlyList<Diagnostic> Errors(this ManifestSet set) => [.. set.Diagnostics.Where(d => d.Severity == Severity.Error)];

    /// <summary>Only the warnings.</summary>
    public static IReadOnlyList<Diagnostic> Warnings(this ManifestSet set) => [.. set.Diagnostics.Where(d => d.Severity == Severity.Warning)];

    /// <summary>The one diagnostic at <paramref name="fieldPath"/>; fails listing every diagnostic otherwise.</summary>
    public static Diagnostic At(this ManifestSet set, string fieldPath)
    {
        var matches = set.Diagnostics.Where(d => d.FieldPath == fieldPath).ToList();
        Assert.True(matches.Count == 1, $"expected one diagnostic at {fieldPath}, found {matches.Count}:\n{Listing(set)}");
        return matches[0];
    }

    /// <summary>Every diagnostic, one per line, for failure messages and golden files.</summary>
    public static string Listing(this ManifestSet set) => string.Join("\n", set.Diagnostics);

    /// <summary>Asserts that nothing at all was reported.</summary>
    public static void AssertClean(this ManifestSet set) => Assert.True(set.Diagnostics.Count == 0, Listing(set));

    /// <summary>Asserts severity, position and that the message and hint contain the given fragments.</summary>
    public static Diagnostic Expect(this ManifestSet set, Severity severity, string fieldPath, int line, int column, string message, string? hint = null)
    {
        var d = set.At(fieldPath);
        Assert.Equal(severity, d.Severity);
        Assert.Equal(new SourceLocation(File, line, column), d.Location);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
        if (hint is not null) Assert.Contains(hint, d.Hint ?? "", StringComparison.Ordinal);
        return d;
    }
}
