namespace Palisade.Policy.Tests.Support;

/// <summary>Finds the test data copied next to the test assembly and the shared fixtures beside the repository.</summary>
internal static class TestFiles
{
    /// <summary>The <c>testdata</c> folder in the output directory.</summary>
    public static string TestData => Path.Combine(AppContext.BaseDirectory, "testdata");

    /// <summary>The <c>testdata</c> folder in the source tree (where regenerated golden files are written).</summary>
    public static string SourceTestData
    {
        get
        {
            var project = WalkUp(d => File.Exists(Path.Combine(d, "Palisade.Policy.Tests.csproj")))
                ?? throw new InvalidOperationException("cannot find tests/Palisade.Policy.Tests above " + AppContext.BaseDirectory);
            return Path.Combine(project, "testdata");
        }
    }

    /// <summary>
    /// The shared <c>fixtures</c> folder: the first ancestor of the test assembly holding <c>shared/fixtures</c>
    /// (locally /work/shared; on CI the repository is cloned with shared/ beside it).
    /// </summary>
    public static string SharedFixtures
    {
        get
        {
            var root = WalkUp(d => Directory.Exists(Path.Combine(d, "shared", "fixtures")))
                ?? throw new InvalidOperationException("no shared/fixtures directory above " + AppContext.BaseDirectory + "; clone shared/ beside the repository");
            return Path.Combine(root, "shared", "fixtures");
        }
    }

    /// <summary>The text of a file under <see cref="TestData"/>.</summary>
    public static string Read(params string[] relative) => File.ReadAllText(Path.Combine([TestData, .. relative]));

    private static string? WalkUp(Func<string, bool> found)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (found(dir.FullName)) return dir.FullName;
        }
        return null;
    }
}
