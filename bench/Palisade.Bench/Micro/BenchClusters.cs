using Palisade.Bench.Generation;
using Palisade.Engine;
using Palisade.Policy.Loading;

namespace Palisade.Bench.Micro;

/// <summary>Generated clusters for the micro benchmarks, parsed and built once per process.</summary>
internal static class BenchClusters
{
    private static readonly Dictionary<(int, int), (string Yaml, PolicyEngine Engine)> Cache = [];

    public static string Yaml(int pods, int policies) => Get(pods, policies).Yaml;

    public static PolicyEngine Engine(int pods, int policies) => Get(pods, policies).Engine;

    private static (string Yaml, PolicyEngine Engine) Get(int pods, int policies)
    {
        if (Cache.TryGetValue((pods, policies), out var hit)) return hit;
        var yaml = ClusterGenerator.Generate(new ClusterSpec(pods, policies));
        var set = ManifestLoader.LoadText(yaml);
        if (set.HasErrors) throw new InvalidDataException(string.Join("\n", set.Diagnostics.Take(5)));
        return Cache[(pods, policies)] = (yaml, EngineLoader.FromManifests(set));
    }
}
