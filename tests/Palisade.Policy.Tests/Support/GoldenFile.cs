namespace Palisade.Policy.Tests.Support;

/// <summary>
/// Compares text with a checked-in expected file under testdata. With PALISADE_UPDATE_GOLDEN=1 the expected file in the
/// source tree is rewritten instead (the test then passes; rebuild and run again to compare); review the diff before
/// committing.
/// </summary>
internal static class GoldenFile
{
    public static bool Updating => Environment.GetEnvironmentVariable("PALISADE_UPDATE_GOLDEN") == "1";

    /// <summary>Asserts that <paramref name="actual"/> equals the file at <paramref name="relativePath"/> under testdata.</summary>
    public static void AssertMatches(string actual, params string[] relativePath)
    {
        var text = actual.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
        if (Updating)
        {
            var target = Path.Combine([TestFiles.SourceTestData, .. relativePath]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text);
            return;
        }
        var expectedPath = Path.Combine([TestFiles.TestData, .. relativePath]);
        Assert.True(File.Exists(expectedPath), $"missing {Path.Combine(relativePath)}; run with PALISADE_UPDATE_GOLDEN=1 to create it, then review it");
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), text);
    }
}
