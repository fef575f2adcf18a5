using Palisade.Policy.Diagnostics;
using Palisade.Policy.Loading;
using Xunit.Sdk;

namespace Palisade.Policy.Tests.Fuzz;

/// <summary>
/// The property every fuzz test checks: loading never throws, and every error names the file, a line (at least 1:
/// a loaded text has no file-level problems), a column, and says something.
/// </summary>
internal static class LoaderInvariant
{
    public const string FileName = "fuzz.yaml";

    /// <summary>How many cases each fuzz test runs (CsCheck iterations).</summary>
    public const int Iterations = 2_500;

    public static void Check(string text)
    {
        ManifestSet set;
        try
        {
            set = ManifestLoader.LoadText(text, FileName);
        }
        catch (Exception ex)
        {
            throw new XunitException($"ManifestLoader.LoadText threw {ex.GetType().Name}: {ex.Message}\n--- input ---\n{text}\n--- end ---\n{ex}");
        }
        foreach (var d in set.Diagnostics)
        {
            Check(d, text);
        }
    }

    private static void Check(Diagnostic d, string text)
    {
        var ok = d.Location.File == FileName && d.Location.Line >= 1 && d.Location.Column >= 1 && !string.IsNullOrWhiteSpace(d.Message);
        if (!ok)
        {
            throw new XunitException($"malformed diagnostic \"{d}\" (line {d.Location.Line}, column {d.Location.Column})\n--- input ---\n{text}\n--- end ---");
        }
    }
}
