using System.Diagnostics;
using Palisade.Bench.Generation;
using Palisade.Engine;
using Palisade.Engine.Analysis;
using Palisade.Engine.Cluster;
using Palisade.Engine.Identities;
using Palisade.Engine.Ir;
using Palisade.Engine.Lowering;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Loading;
using Palisade.Policy.Yaml;

namespace Palisade.Bench.Scale;

/// <summary>
/// <c>profile</c>: a Stopwatch breakdown of the pipeline's public steps for one configuration, run several times in
/// one process, to find where time goes without a profiler. Prints the first (cold: includes JIT) and the fastest
/// (warm) time of each step.
/// </summary>
internal static class ProfileCommand
{
    private static readonly Dictionary<string, List<double>> Times = [];
    private static readonly Dictionary<string, long> Allocated = [];
    private static readonly List<string> Order = [];

    public static int Run(int pods, int policies, int rounds = 5)
    {
        var path = ClusterGenerator.WriteOnce(new ClusterSpec(pods, policies), Path.Combine(Path.GetTempPath(), "palisade-bench"));
        for (var round = 1; round <= rounds; round++) Round(path);
        Console.WriteLine($"{"cold ms",9} {"warm ms",9} {"alloc MB",9}  step ({rounds} rounds; warm = fastest; allocation of the last round)");
        foreach (var step in Order) Console.WriteLine($"{Times[step][0],9:F1} {Times[step].Min(),9:F1} {Allocated[step] / 1e6,9:F1}  {step}");
        return 0;
    }

    private static void Round(string path)
    {
        var text = Step("read file", () => File.ReadAllText(path));
        Step("  YAML to node tree only (YamlReader)", () => YamlReader.Read(path, text, new DiagnosticBag()));
        var set = Step("parse: ManifestLoader.Load (YAML, bind, validate, expand)", () => ManifestLoader.LoadText(text, path));
        var cluster = Step("  cluster state (ClusterStateBuilder)", () => ClusterStateBuilder.Build(set));
        var lowered = Step("  lowering", () => set.NetworkPolicies.Select(p => NetworkPolicyLowering.Lower(p.Object)).ToList());
        var identities = Step("  identities (IdentityTable.Allocate)", () => IdentityTable.Allocate(cluster));
        Step("  selector cache over all selectors", () => Selectors(identities, lowered));
        var engine = Step("  PolicyEngine.Build (identities, selectors, maps, classes)", () => PolicyEngine.Build(cluster, lowered));
        Step("build: EngineLoader.FromManifests", () => EngineLoader.FromManifests(set));
        var matrix = Step("matrix: ReachabilityMatrix.Compute", () => ReachabilityMatrix.Compute(engine));
        if (Times["read file"].Count > 1) return;
        Console.WriteLine($"   pods {cluster.Endpoints.Count}, identities {identities.All.Count}, classes {engine.Classes.Count}, cells {matrix.CellCount:N0}, " +
            $"working set {Process.GetCurrentProcess().WorkingSet64 >> 20} MiB, GC heap {GC.GetTotalMemory(false) >> 20} MiB");
    }

    private static int Selectors(IdentityTable identities, List<IrPolicy> policies)
    {
        var cache = new SelectorCache(identities);
        foreach (var p in policies)
        {
            cache.Get(p.Subject);
            foreach (var peer in p.Rules.SelectMany(r => r.Peers ?? []).OfType<EndpointsPeer>()) cache.Get(peer.Selector);
        }
        return cache.Count;
    }

    private static T Step<T>(string name, Func<T> action)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = action();
        Allocated[name] = GC.GetTotalAllocatedBytes(precise: true) - before;
        if (!Times.TryGetValue(name, out var list))
        {
            Times[name] = list = [];
            Order.Add(name);
        }
        list.Add(clock.Elapsed.TotalMilliseconds);
        return result;
    }
}
