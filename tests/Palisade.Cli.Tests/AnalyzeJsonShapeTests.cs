using System.Text.Json;
using Palisade.Cli.Tests.Support;

namespace Palisade.Cli.Tests;

/// <summary>
/// The probe JSON shape is a contract other tools depend on:
/// <c>{"probes":[{"port":80,"protocol":"TCP","matrix":{"ns/pod":{"ns/pod":true}}}]}</c>, rows are sources.
/// </summary>
public class AnalyzeJsonShapeTests
{
    private static readonly string RedBlue = Repo.Path("examples", "red-blue");

    [Fact]
    public void ProbeJson_HasExactlyTheDocumentedShape()
    {
        var run = CliRun.Invoke(["analyze", "-f", RedBlue, "--probe", "80/TCP", "--probe", "53/UDP", "-o", "json"]);
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal(["probes"], root.EnumerateObject().Select(p => p.Name));
        var probes = root.GetProperty("probes").EnumerateArray().ToList();
        Assert.Equal(2, probes.Count);
        foreach (var probe in probes)
        {
            Assert.Equal(["port", "protocol", "matrix"], probe.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Number, probe.GetProperty("port").ValueKind);
            Assert.Equal(JsonValueKind.String, probe.GetProperty("protocol").ValueKind);
            var rows = probe.GetProperty("matrix").EnumerateObject().ToList();
            Assert.Equal(["miztiik-automation-ns/k-shop-blue", "miztiik-automation-ns/k-shop-red"], rows.Select(r => r.Name));
            foreach (var row in rows)
            {
                Assert.Equal(rows.Select(r => r.Name), row.Value.EnumerateObject().Select(c => c.Name));
                Assert.All(row.Value.EnumerateObject(), c => Assert.True(c.Value.ValueKind is JsonValueKind.True or JsonValueKind.False));
            }
        }
        Assert.Equal(80, probes[0].GetProperty("port").GetInt32());
        Assert.Equal("UDP", probes[1].GetProperty("protocol").GetString());
    }

    [Fact]
    public void ProbeJson_RowsAreSources()
    {
        var run = CliRun.Invoke(["analyze", "-f", RedBlue, "--probe", "80/TCP", "-o", "json"]);
        using var doc = JsonDocument.Parse(run.Out);
        var matrix = doc.RootElement.GetProperty("probes")[0].GetProperty("matrix");
        // Blue accepts nothing; red accepts its namespace: the column of blue is false, the column of red true.
        Assert.False(matrix.GetProperty("miztiik-automation-ns/k-shop-red").GetProperty("miztiik-automation-ns/k-shop-blue").GetBoolean());
        Assert.True(matrix.GetProperty("miztiik-automation-ns/k-shop-blue").GetProperty("miztiik-automation-ns/k-shop-red").GetBoolean());
    }
}
