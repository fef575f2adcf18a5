using System.Runtime.CompilerServices;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ports;

namespace Palisade.Engine.Analysis;

/// <summary>
/// The allowed ports between every pair of endpoint classes (hence of pods): the connections each source may open
/// to each destination. Computed once per class pair, looked up per pod pair.
/// <para>
/// Storage: a matrix holds few distinct port sets (none, all, a handful of rule shapes), so each cell is the index
/// of its set in a palette — two bytes a cell while the palette has at most 65,536 sets, four bytes beyond. A
/// 10,000-class matrix then takes 200 MB rather than the 800 MB of one reference a cell.
/// </para>
/// </summary>
public sealed class ReachabilityMatrix
{
    private readonly PolicyEngine _engine;
    private readonly PortSet[] _palette;
    private readonly ushort[]? _narrow;
    private readonly int[]? _wide;
    private readonly int _n;
    private readonly Dictionary<Endpoint, int> _classIndex;

    private ReachabilityMatrix(PolicyEngine engine, Palette palette, ushort[]? narrow, int[]? wide)
    {
        _engine = engine;
        _palette = palette.ToArray();
        _narrow = narrow;
        _wide = wide;
        _n = engine.Classes.Count;
        _classIndex = new Dictionary<Endpoint, int>(ReferenceEqualityComparer.Instance);
        foreach (var c in engine.Classes)
        {
            foreach (var member in c.Members) _classIndex[member] = c.Index;
        }
    }

    /// <summary>Computes the matrix over <paramref name="universe"/> (every TCP, UDP and SCTP port by default).</summary>
    public static ReachabilityMatrix Compute(PolicyEngine engine, PortSet? universe = null, IProgress<double>? progress = null)
    {
        universe ??= PortSet.Universe;
        var n = engine.Classes.Count;
        var palette = new Palette();
        var narrow = new ushort[(long)n * n];
        if (Fill(engine, universe, progress, palette, (i, id) => narrow[i] = (ushort)id, ushort.MaxValue + 1))
        {
            return new ReachabilityMatrix(engine, palette, narrow, null);
        }
        narrow = null;
        palette = new Palette();
        var wide = new int[(long)n * n];
        Fill(engine, universe, progress, palette, (i, id) => wide[i] = id, int.MaxValue);
        return new ReachabilityMatrix(engine, palette, null, wide);
    }

    /// <summary>The number of class pairs computed.</summary>
    public long CellCount => (long)_n * _n;

    /// <summary>The ports <paramref name="source"/> may connect to on <paramref name="destination"/>.</summary>
    public PortSet Get(Endpoint source, Endpoint destination)
    {
        var i = ((long)IndexOf(source) * _n) + IndexOf(destination);
        return _palette[_narrow is not null ? _narrow[i] : _wide![i]];
    }

    /// <summary>True when <paramref name="source"/> may connect to <paramref name="destination"/> on the given port.</summary>
    public bool Allows(Endpoint source, Endpoint destination, Protocol protocol, int port) => Get(source, destination).Contains(protocol, port);

    private int IndexOf(Endpoint endpoint) =>
        _classIndex.TryGetValue(endpoint, out var index) ? index : _engine.ClassOf(endpoint).Index;

    /// <summary>
    /// Computes every row in parallel and stores each cell's palette index; false (and stops early) when the palette
    /// would outgrow <paramref name="maxSets"/>.
    /// </summary>
    private static bool Fill(PolicyEngine engine, PortSet universe, IProgress<double>? progress, Palette palette, Action<long, int> store, int maxSets)
    {
        var n = engine.Classes.Count;
        var done = 0;
        var result = Parallel.For(0, n, () => new Dictionary<PortSet, int>(), (s, state, seen) =>
        {
            if (!Row(engine, s, universe, palette, seen, store, maxSets)) state.Stop();
            progress?.Report((double)Interlocked.Increment(ref done) / n);
            return seen;
        }, _ => { });
        return result.IsCompleted;
    }

    // Optimized at once: a CLI run computes one matrix, and would otherwise spend most of it in unoptimized code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Row(PolicyEngine engine, int s, PortSet universe, Palette palette, Dictionary<PortSet, int> seen, Action<long, int> store, int maxSets)
    {
        var classes = engine.Classes;
        var source = classes[s];
        var row = (long)s * classes.Count;
        for (var d = 0; d < classes.Count; d++)
        {
            var id = palette.IdOf(engine.AllowedPorts(source, classes[d], universe), seen);
            if (id >= maxSets) return false;
            store(row + d, id);
        }
        return true;
    }

    /// <summary>
    /// The distinct port sets of a matrix, numbered in order of first appearance. Thread-safe: each worker keeps the
    /// numbers it has seen, and takes the lock only for a set it has not.
    /// </summary>
    private sealed class Palette
    {
        private readonly Dictionary<PortSet, int> _ids = [];
        private readonly List<PortSet> _sets = [PortSet.Empty, PortSet.Universe];
        private readonly Lock _lock = new();

        public Palette()
        {
            _ids[PortSet.Empty] = 0;
            _ids[PortSet.Universe] = 1;
        }

        public int IdOf(PortSet set, Dictionary<PortSet, int> seen)
        {
            if (set.IsEmpty) return 0;
            if (ReferenceEquals(set, PortSet.Universe)) return 1;
            if (seen.TryGetValue(set, out var id)) return id;
            lock (_lock)
            {
                if (!_ids.TryGetValue(set, out id))
                {
                    id = _sets.Count;
                    _sets.Add(set);
                    _ids[set] = id;
                }
            }
            return seen[set] = id;
        }

        public PortSet[] ToArray() => [.. _sets];
    }
}
