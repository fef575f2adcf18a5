using BenchmarkDotNet.Attributes;
using Palisade.Engine;
using Palisade.Engine.Analysis;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ports;
using Palisade.Engine.Verdicts;

namespace Palisade.Bench.Micro;

/// <summary>
/// One flow on the generated 1,000-pod cluster (100 policies): a frontend pod to a backend pod of the same namespace
/// on its http port. Baseline: looking the answer up in a computed matrix.
/// </summary>
[Config(typeof(MicroConfig))]
public class EvaluateBenchmarks
{
    private PolicyEngine _engine = null!;
    private ReachabilityMatrix _matrix = null!;
    private Endpoint _source = null!;
    private Endpoint _destination = null!;
    private FlowQuery _flow = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = BenchClusters.Engine(1000, 100);
        _matrix = ReachabilityMatrix.Compute(_engine);
        var pods = _engine.Cluster.Endpoints;
        _source = pods.First(p => p.Namespace != "kube-system" && p.Namespace != "monitoring" && p.Labels["app"] == "gateway");
        _destination = pods.First(p => p.Namespace == _source.Namespace && p.Labels["app"] == "api");
        _flow = new FlowQuery(_source, _source.PrimaryAddress, _destination, _destination.PrimaryAddress, Protocol.Tcp, 8080);
    }

    [Benchmark(Baseline = true)]
    public bool MatrixLookup() => _matrix.Allows(_source, _destination, Protocol.Tcp, 8080);

    [Benchmark]
    public Verdict Evaluate() => _engine.Evaluate(_flow);

    [Benchmark]
    public PortSet AllowedPortsOfClassPair() => _engine.AllowedPorts(_engine.ClassOf(_source), _engine.ClassOf(_destination));
}
