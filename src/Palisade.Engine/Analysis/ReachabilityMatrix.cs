using Palisade.Engine.Cluster;
using Palisade.Engine.Ports;

namespace Palisade.Engine.Analysis;

/// <summary>
/// The allowed ports between every pair of endpoint classes (hence of pods): the connections each source may open
/// to each destination. Computed once per class pair, looked up per pod pair.
/// </summary>
public sealed class ReachabilityMatrix
{
    private readonly PolicyEngine _engine;
    private readonly PortSet[] _cells;
    private readonly int _n;

    private ReachabilityMatrix(PolicyEngine engine, PortSet[] cells)
    {
        _engine = engine;
        _cells = cells;
        _n = engine.Classes.Count;
    }

    /// <summary>Computes the matrix over <paramref name="universe"/> (every TCP, UDP and SCTP port by default).</summary>
    public static ReachabilityMatrix Compute(PolicyEngine engine, PortSet? universe = null, IProgress<double>? progress = null)
    {
        universe ??= PortSet.Universe;
        var n = engine.Classes.Count;
        var cells = new PortSet[n * n];
        var done = 0;
        Parallel.For(0, n, s =>
        {
            var source = engine.Classes[s];
            for (var d = 0; d < n; d++) cells[(s * n) + d] = engine.AllowedPorts(source, engine.Classes[d], universe);
            progress?.Report((double)Interlocked.Increment(ref done) / n);
        });
        return new ReachabilityMatrix(engine, cells);
    }

    /// <summary>The number of class pairs computed.</summary>
    public long CellCount => _cells.LongLength;

    /// <summary>The ports <paramref name="source"/> may connect to on <paramref name="destination"/>.</summary>
    public PortSet Get(Endpoint source, Endpoint destination) =>
        _cells[(_engine.ClassOf(source).Index * _n) + _engine.ClassOf(destination).Index];

    /// <summary>True when <paramref name="source"/> may connect to <paramref name="destination"/> on the given port.</summary>
    public bool Allows(Endpoint source, Endpoint destination, Protocol protocol, int port) => Get(source, destination).Contains(protocol, port);
}
