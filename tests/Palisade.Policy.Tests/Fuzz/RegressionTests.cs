using Palisade.Policy.Loading;
using Palisade.Policy.Tests.Support;

namespace Palisade.Policy.Tests.Fuzz;

/// <summary>
/// Inputs that once crashed or hung the loader (found by the fuzz tests), kept in testdata/fuzz/regressions with the
/// diagnostics they must produce (<c>&lt;name&gt;.expected.txt</c>; regenerate with PALISADE_UPDATE_GOLDEN=1).
/// </summary>
public class RegressionTests
{
    public static TheoryData<string> Inputs() =>
    [
        .. Directory.GetFiles(Path.Combine(TestFiles.TestData, "fuzz", "regressions"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetFileNameWithoutExtension(f)),
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void RegressionInput_LoadsWithExpectedDiagnostics(string name)
    {
        var text = TestFiles.Read("fuzz", "regressions", name + ".yaml");

        LoaderInvariant.Check(text);
        var set = ManifestLoader.LoadText(text, name + ".yaml");
        GoldenFile.AssertMatches(set.Listing(), "fuzz", "regressions", name + ".expected.txt");
    }
}
