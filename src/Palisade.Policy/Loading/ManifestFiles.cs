using Palisade.Policy.Diagnostics;

namespace Palisade.Policy.Loading;

/// <summary>
/// Turns the <c>-f</c> arguments into inputs: files as given, directories recursively (*.yaml, *.yml, *.json, in
/// name order), and <c>-</c> for standard input. Missing paths become diagnostics, not exceptions.
/// </summary>
public static class ManifestFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Reads every input named by <paramref name="paths"/>.</summary>
    public static IReadOnlyList<ManifestInput> Read(IEnumerable<string> paths, TextReader stdin, DiagnosticBag diagnostics)
    {
        var inputs = new List<ManifestInput>();
        foreach (var path in paths)
        {
            if (path == "-") inputs.Add(new ManifestInput("<stdin>", stdin.ReadToEnd()));
            else if (Directory.Exists(path)) inputs.AddRange(ReadDirectory(path));
            else if (File.Exists(path)) inputs.Add(new ManifestInput(path, File.ReadAllText(path)));
            else diagnostics.Add(new Diagnostic(Severity.Error, new SourceLocation(path, 0, 0), "", "no such file or directory", "check the path given to -f"));
        }
        return inputs;
    }

    private static IEnumerable<ManifestInput> ReadDirectory(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new ManifestInput(f, File.ReadAllText(f)));
}
