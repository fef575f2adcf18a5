namespace Palisade.Policy.Tests.Cilium;

/// <summary>Finds the shared fixtures: the first ancestor of the test assembly that holds <c>shared/fixtures</c>.</summary>
internal static class SharedFixtures
{
    public static string StarWars => Path.Combine(Root, "real-world", "cilium-starwars");

    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new InvalidOperationException("no shared/fixtures above " + AppContext.BaseDirectory + "; clone shared/ beside the repository");
        }
    }
}
