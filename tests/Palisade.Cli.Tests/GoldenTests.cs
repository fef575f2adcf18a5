using Palisade.Cli.Tests.Support;

namespace Palisade.Cli.Tests;

/// <summary>
/// Golden tests of CLI output: each <c>testdata/golden/&lt;case&gt;/args.txt</c> (one argument per line, <c>&lt;repo&gt;</c>
/// for the repository root) must print exactly <c>expected.txt</c>. Set PALISADE_UPDATE_GOLDEN=1 to rewrite the
/// expected files, then review the diff before committing.
/// </summary>
public class GoldenTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Repo.Path("tests", "Palisade.Cli.Tests", "testdata", "golden")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_MatchesGoldenFile(string name)
    {
        var dir = Repo.Path("tests", "Palisade.Cli.Tests", "testdata", "golden", name);
        var args = File.ReadAllLines(Path.Combine(dir, "args.txt"))
            .Where(l => l.Length > 0)
            .Select(l => l.Replace("<repo>", Repo.Root, StringComparison.Ordinal).Replace("<shared>", Repo.Shared(), StringComparison.Ordinal))
            .ToArray();
        var actual = CliRun.Invoke(args).Normalised();
        var expectedPath = Path.Combine(dir, "expected.txt");
        if (Environment.GetEnvironmentVariable("PALISADE_UPDATE_GOLDEN") == "1") File.WriteAllText(expectedPath, actual);
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }
}
