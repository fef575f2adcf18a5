namespace Palisade.Lab.Tests.Support;

/// <summary>The repository's <c>examples/</c> folder, found from the test binaries.</summary>
internal static class Examples
{
    /// <summary>The full path of <paramref name="relative"/> under <c>examples/</c>.</summary>
    public static string Path(string relative) => global::System.IO.Path.Combine(RepoRoot, "examples", relative);

    private static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(global::System.IO.Path.Combine(dir.FullName, "Palisade.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }
}
