namespace Palisade.Cli.Tests.Support;

/// <summary>Paths of the repository (found by walking up to Palisade.slnx) and of shared/ beside it.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Shared(params string[] parts) => System.IO.Path.Combine([System.IO.Path.GetDirectoryName(Root)!, "shared", .. parts]);

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(d.FullName, "Palisade.slnx"))) return d.FullName;
        }
        throw new DirectoryNotFoundException("Palisade.slnx not found above " + AppContext.BaseDirectory);
    }
}
