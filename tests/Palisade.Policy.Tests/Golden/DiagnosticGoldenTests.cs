using Palisade.Policy.Loading;
using Palisade.Policy.Tests.Support;

namespace Palisade.Policy.Tests.Golden;

/// <summary>
/// Each <c>testdata/golden/&lt;case&gt;/input.yaml</c> is loaded as "input.yaml"; its full diagnostic listing must equal
/// <c>expected.txt</c>. Regenerate with PALISADE_UPDATE_GOLDEN=1 and review every changed line.
/// </summary>
public class DiagnosticGoldenTests
{
    public static TheoryData<string> Cases() => [.. CaseNames()];

    private static IEnumerable<string> CaseNames() =>
        Directory.GetDirectories(Path.Combine(TestFiles.TestData, "golden")).Order(StringComparer.Ordinal).Select(d => Path.GetFileName(d));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostics_MatchExpectedListing(string name)
    {
        var set = ManifestLoader.LoadText(TestFiles.Read("golden", name, "input.yaml"), "input.yaml");

        GoldenFile.AssertMatches(set.Listing(), "golden", name, "expected.txt");
    }

    [Fact]
    public void EveryCase_IsAnInvalidInput()
    {
        foreach (var name in CaseNames())
        {
            var set = ManifestLoader.LoadText(TestFiles.Read("golden", name, "input.yaml"), "input.yaml");
            Assert.True(set.HasErrors, $"golden case {name} loads without errors; golden cases are for invalid inputs");
        }
    }
}
