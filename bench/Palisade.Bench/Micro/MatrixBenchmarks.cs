using BenchmarkDotNet.Attributes;
using Palisade.Engine;
using Palisade.Engine.Analysis;
using Palisade.Policy.Loading;

namespace Palisade.Bench.Micro;

/// <summary>
/// The analyze pipeline on generated clusters of 1,000 pods (100 policies) and 10,000 pods (1,000 policies), warm (no
/// JIT, unlike the scale run). Baseline: parsing alone, so the ratios read as the "analyze / parse".
/// </summary>
[Config(typeof(MicroConfig))]
public class MatrixBenchmarks
{
    private string _yaml = null!;
    private ManifestSet _set = null!;
    private PolicyEngine _engine = null!;

    [Params(1000, 10000)]
    public int Pods { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _yaml = BenchClusters.Yaml(Pods, Pods / 10);
        _set = ManifestLoader.LoadText(_yaml);
        _engine = EngineLoader.FromManifests(_set);
    }

    [Benchmark(Baseline = true)]
    public ManifestSet Parse() => ManifestLoader.LoadText(_yaml);

    [Benchmark]
    public PolicyEngine BuildEngine() => EngineLoader.FromManifests(_set);

    [Benchmark]
    public ReachabilityMatrix Matrix() => ReachabilityMatrix.Compute(_engine);

    [Benchmark]
    public ReachabilityMatrix Analyze() => ReachabilityMatrix.Compute(EngineLoader.FromManifests(ManifestLoader.LoadText(_yaml)));
}
