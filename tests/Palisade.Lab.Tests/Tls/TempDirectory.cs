namespace Palisade.Lab.Tests.Tls;

/// <summary>A directory of its own for one test, deleted with everything in it on disposal.</summary>
internal sealed class TempDirectory : IDisposable
{
    /// <summary>The directory's full path.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("palisade-lab-test-").FullName;

    /// <summary>A path inside the directory.</summary>
    public string this[string name] => global::System.IO.Path.Combine(Path, name);

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
