using Palisade.Policy.Diagnostics;
using Palisade.Policy.Loading;

namespace Palisade.Policy.Tests.Loading;

/// <summary>Turning -f arguments into inputs: files, directories (recursive, in name order), stdin, missing paths.</summary>
public sealed class ManifestFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("palisade-policy-tests-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Directory_IsReadRecursively_InNameOrder_OnlyManifestExtensions()
    {
        Write("b.yaml", "b");
        Write("a/z.yml", "z");
        Write("a/y.json", "y");
        Write("a/deeper/x.YAML", "x");
        Write("a/notes.txt", "not a manifest");
        Write("c.yaml.bak", "not a manifest");

        var inputs = ManifestFiles.Read([_root], new StringReader(""), new DiagnosticBag());

        Assert.Equal(
            [Path.Combine(_root, "a", "deeper", "x.YAML"), Path.Combine(_root, "a", "y.json"), Path.Combine(_root, "a", "z.yml"), Path.Combine(_root, "b.yaml")],
            inputs.Select(i => i.Name));
        Assert.Equal(["x", "y", "z", "b"], inputs.Select(i => i.Text));
    }

    [Fact]
    public void Files_AreReadInArgumentOrder_WithTheirPathAsName()
    {
        var first = Write("2.yaml", "second file, given first");
        var second = Write("1.yaml", "first file, given second");

        var inputs = ManifestFiles.Read([first, second], new StringReader(""), new DiagnosticBag());

        Assert.Equal([first, second], inputs.Select(i => i.Name));
    }

    [Fact]
    public void Dash_ReadsStandardInput()
    {
        var file = Write("a.yaml", "from a file");

        var inputs = ManifestFiles.Read([file, "-"], new StringReader("apiVersion: v1\nkind: Pod\nmetadata: {name: s}\n"), new DiagnosticBag());

        Assert.Equal([file, "<stdin>"], inputs.Select(i => i.Name));
        var set = ManifestLoader.Load(inputs.Skip(1));
        Assert.Equal("s", Assert.Single(set.Pods).Name);
        Assert.Equal("<stdin>", set.Pods[0].Source.Location.File);
    }

    [Fact]
    public void MissingPath_IsAFileLevelDiagnostic_NotAnException()
    {
        var missing = Path.Combine(_root, "nope.yaml");
        var present = Write("ok.yaml", "ok");
        var diagnostics = new DiagnosticBag();

        var inputs = ManifestFiles.Read([missing, present], new StringReader(""), diagnostics);

        Assert.Equal([present], inputs.Select(i => i.Name));
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(new SourceLocation(missing, 0, 0), d.Location);
        Assert.Equal("no such file or directory", d.Message);
        Assert.Equal($"{missing}: error: no such file or directory (hint: check the path given to -f)", d.ToString());
    }

    [Fact]
    public void EmptyDirectory_GivesNoInputsAndNoDiagnostics()
    {
        var diagnostics = new DiagnosticBag();

        Assert.Empty(ManifestFiles.Read([_root], new StringReader(""), diagnostics));
        Assert.Empty(diagnostics.Items);
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
