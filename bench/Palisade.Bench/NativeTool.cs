using System.ComponentModel;
using Palisade.Lab.System;

namespace Palisade.Bench;

/// <summary>
/// A C helper of a bench, compiled with gcc into a temporary directory at start: the source is found next to the
/// program (if the project copies it to the output) or, as with <c>dotnet run</c>, in the source tree above the output
/// directory. Disposing removes the directory.
/// </summary>
internal sealed class NativeTool : IDisposable
{
    private readonly DirectoryInfo directory;

    private NativeTool(DirectoryInfo directory, string name) => (this.directory, Binary) = (directory, Path.Combine(directory.FullName, name));

    /// <summary>The compiled program.</summary>
    public string Binary { get; }

    /// <summary>Compiles <paramref name="sourceInProject"/> (relative to the bench project) into <paramref name="name"/>; a missing gcc or source is an error that says what to do, naming <paramref name="purpose"/>.</summary>
    public static async Task<NativeTool> CompileAsync(string sourceInProject, string name, string purpose)
    {
        var source = FindSource(sourceInProject);
        var tool = new NativeTool(Directory.CreateTempSubdirectory($"palisade-{name}-"), name);
        try
        {
            var result = await ProcessRunner.RunAsync("gcc", ["-O2", "-Wall", "-o", tool.Binary, source]);
            if (!result.Succeeded) throw new InvalidOperationException($"gcc could not compile {source}:\n{result.StandardError}");
            return tool;
        }
        catch (Win32Exception)
        {
            tool.Dispose();
            throw new InvalidOperationException($"gcc is not installed; {purpose} is compiled at start: apt-get install gcc");
        }
        catch
        {
            tool.Dispose();
            throw;
        }
    }

    /// <summary>Removes the temporary directory with the binary.</summary>
    public void Dispose() => directory.Delete(recursive: true);

    private static string FindSource(string sourceInProject)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, sourceInProject), Path.Combine(dir.FullName, "bench/Palisade.Bench", sourceInProject) })
            {
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new InvalidOperationException($"cannot find {sourceInProject} next to the program or in a source tree above {AppContext.BaseDirectory}: run the bench from the source tree (dotnet run --project bench/Palisade.Bench)");
    }
}
