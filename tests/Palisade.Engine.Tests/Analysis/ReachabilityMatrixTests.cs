using Palisade.Engine.Analysis;
using Palisade.Engine.Ports;
using Palisade.Engine.Tests.Conformance;
using static Palisade.Engine.Tests.Conformance.Scenario;

namespace Palisade.Engine.Tests.Analysis;

/// <summary>The matrix holds the exact port set of every pod pair, over the universe asked for.</summary>
public class ReachabilityMatrixTests
{
    private static readonly NetpolModel TwoPolicies = Model.With(
        NetworkPolicy("x", "a-from-b", """
            podSelector: {matchLabels: {pod: a}}
            ingress:
            - from: [{podSelector: {matchLabels: {pod: b}}}]
              ports: [{port: 80, endPort: 90}, {protocol: UDP, port: 81}, {protocol: SCTP}]
            """),
        NetworkPolicy("y", "deny-all", """
            podSelector: {}
            policyTypes: [Ingress, Egress]
            """));

    [Fact]
    public void Cells_hold_the_exact_port_sets()
    {
        var engine = ModelRun.Of(TwoPolicies).Engine;
        var matrix = ReachabilityMatrix.Compute(engine);

        Assert.Equal("TCP 80-90; UDP 81; SCTP all", matrix.Get(engine.Cluster.Find("x/b")!, engine.Cluster.Find("x/a")!).ToString());
        Assert.Equal("none", matrix.Get(engine.Cluster.Find("x/c")!, engine.Cluster.Find("x/a")!).ToString());
        Assert.Equal("none", matrix.Get(engine.Cluster.Find("y/a")!, engine.Cluster.Find("z/a")!).ToString());
        Assert.Equal("all", matrix.Get(engine.Cluster.Find("x/a")!, engine.Cluster.Find("z/c")!).ToString());
        Assert.Equal((long)engine.Classes.Count * engine.Classes.Count, matrix.CellCount);
    }

    [Fact]
    public void A_universe_limits_every_cell_to_it()
    {
        var engine = ModelRun.Of(TwoPolicies).Engine;
        var universe = PortSet.Of([new PortRange(Protocol.Tcp, 85, 100), new PortRange(Protocol.Udp, 1, 1024)]);
        var matrix = ReachabilityMatrix.Compute(engine, universe);

        Assert.Equal("TCP 85-90; UDP 81", matrix.Get(engine.Cluster.Find("x/b")!, engine.Cluster.Find("x/a")!).ToString());
        Assert.Equal(universe, matrix.Get(engine.Cluster.Find("z/a")!, engine.Cluster.Find("z/b")!));
        Assert.Equal("none", matrix.Get(engine.Cluster.Find("x/a")!, engine.Cluster.Find("y/a")!).ToString());
    }

    [Fact]
    public void Progress_is_reported_up_to_completion()
    {
        var engine = ModelRun.Of(TwoPolicies).Engine;
        var reports = new List<double>();
        var progress = new SynchronousProgress(reports);
        ReachabilityMatrix.Compute(engine, progress: progress);

        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports.Max(), 6);
    }

    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
