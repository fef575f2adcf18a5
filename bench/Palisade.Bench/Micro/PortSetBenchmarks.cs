using BenchmarkDotNet.Attributes;
using Palisade.Engine.Ports;

namespace Palisade.Bench.Micro;

/// <summary>The port set algebra the side evaluator runs per rule and per group; baseline: a membership test.</summary>
[Config(typeof(MicroConfig))]
public class PortSetBenchmarks
{
    private readonly PortSet _universe = PortSet.Universe;
    private readonly PortSet _dns = PortSet.Of([new(Protocol.Udp, 53, 53), new(Protocol.Tcp, 53, 53)]);
    private readonly PortSet _web = PortSet.Of([new(Protocol.Tcp, 80, 80), new(Protocol.Tcp, 443, 443), new(Protocol.Tcp, 8080, 8090), new(Protocol.Udp, 5000, 5100)]);
    private readonly PortSet _dnsAndHttps = PortSet.Of([new(Protocol.Udp, 53, 53), new(Protocol.Tcp, 53, 53), new(Protocol.Tcp, 443, 443)]);
    private readonly PortRange[] _unsorted = [new(Protocol.Udp, 5000, 5100), new(Protocol.Tcp, 8080, 8090), new(Protocol.Tcp, 443, 443), new(Protocol.Tcp, 80, 80), new(Protocol.Tcp, 81, 90)];

    [Benchmark(Baseline = true)]
    public bool Contains() => _web.Contains(Protocol.Tcp, 8085);

    [Benchmark]
    public PortSet Of() => PortSet.Of(_unsorted);

    [Benchmark]
    public PortSet Union() => _dns.Union(_web);

    [Benchmark]
    public PortSet IntersectWithUniverse() => _web.Intersect(_universe);

    [Benchmark]
    public PortSet Intersect() => _web.Intersect(_dnsAndHttps);

    [Benchmark]
    public PortSet ExceptFromUniverse() => _universe.Except(_web);

    [Benchmark]
    public PortSet UnionWithUniverse() => _web.Union(_universe);
}
