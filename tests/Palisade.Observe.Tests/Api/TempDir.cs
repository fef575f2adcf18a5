namespace Palisade.Observe.Tests.Api;

/// <summary>A short-named temporary directory (Unix socket paths are limited to 107 bytes), removed on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Root = Path.Combine(Path.GetTempPath(), "pal-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Socket(string name) => Path.Combine(Root, name + ".sock");

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
