using CsCheck;
using Palisade.Engine.Analysis;
using Palisade.Engine.L7;
using Palisade.Engine.Ports;
using Palisade.Engine.Tests.Support;
using Palisade.Engine.Verdicts;
using Palisade.Policy.Loading;

namespace Palisade.Engine.Tests.Cilium;

/// <summary>
/// Mutated Cilium manifests that still load without errors must lower, build and evaluate without throwing: the
/// validator and the lowering must agree on what is valid.
/// </summary>
public class CiliumLoweringFuzzTests
{
    private static readonly string[] Values =
    [
        "{}", "[]", "[{}]", "\"0\"", "\"65535\"", "ANY", "UDP", "SCTP", "all", "cluster", "world", "host", "none", "\"*\"", "\"**.a.b\"",
        "0.0.0.0/0", "::/0", "10.0.0.1", "http", "\"\"", "false", "true", "GET", "\"/.*\"", "[{matchPattern: \"*\"}]",
    ];

    private static readonly Lazy<string> Seed = new(() =>
        File.ReadAllText(Files.Repo("tests/Palisade.Policy.Tests/testdata/fuzz/seeds/cilium-full.yaml")));

    [Fact]
    public void Valid_mutations_of_the_full_Cilium_seed_lower_and_evaluate()
    {
        var lines = Seed.Value.Split('\n');
        var mutation = Gen.Select(Gen.Int[0, lines.Length - 1], Gen.Int[0, 3], Gen.OneOf(Values), (line, kind, value) => (line, kind, value));
        var loaded = 0;
        mutation.Array[1, 3].Sample(mutations =>
        {
            var text = Apply(lines, mutations);
            var set = ManifestLoader.LoadText(text, "fuzz.yaml");
            if (set.HasErrors) return true;
            loaded++;
            try
            {
                var (engine, _) = EngineLoader.FromManifests(set, null, new EngineInputs());
                ReachabilityMatrix.Compute(engine);
                foreach (var src in engine.Cluster.Endpoints)
                {
                    foreach (var (address, port) in (ValueTuple<string, int>[])[("192.0.2.1", 443), ("172.18.0.2", 22), ("10.0.0.9", 9050)])
                    {
                        engine.Evaluate(new FlowQuery(src, src.PrimaryAddress, null, Engines.Ip(address), Protocol.Tcp, port) { Dns = new DnsQuery("api.example.com") });
                        engine.Evaluate(new FlowQuery(null, Engines.Ip(address), src, src.PrimaryAddress, Protocol.Tcp, 8080) { Http = HttpRequest.Parse("GET", "/api/v1/x", ["X-Token: abc"]) });
                    }
                }
                return true;
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{e}\n--- input ---\n{text}");
            }
        }, iter: 1000);
        Assert.True(loaded > 100, $"only {loaded} mutations loaded without errors; the fuzz does not reach the lowering");
    }

    private static string Apply(string[] lines, (int Line, int Kind, string Value)[] mutations)
    {
        var result = lines.ToList();
        foreach (var (line, kind, value) in mutations)
        {
            if (line >= result.Count) continue;
            var text = result[line];
            switch (kind)
            {
                case 0: // replace the value after the last ": "
                    var colon = text.LastIndexOf(": ", StringComparison.Ordinal);
                    if (colon > 0) result[line] = text[..(colon + 2)] + value + (text.TrimEnd().EndsWith('}') && !value.EndsWith('}') ? "}" : "");
                    break;
                case 1:
                    result.RemoveAt(line);
                    break;
                case 2:
                    result.Insert(line, text);
                    break;
                default: // replace a bracketed list
                    var open = text.IndexOf('[', StringComparison.Ordinal);
                    var close = text.LastIndexOf(']');
                    if (open >= 0 && close > open) result[line] = text[..open] + value + text[(close + 1)..];
                    break;
            }
        }
        return string.Join('\n', result);
    }
}
