using Palisade.Cli.Input;
using Palisade.Engine;
using Palisade.Engine.Analysis;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ir;
using Palisade.Engine.Ports;

namespace Palisade.Cli.Output;

/// <summary>
/// What analyze shows: the rows (pods, or workloads when aggregated), the allowed ports between every pair, and the
/// probes. A workload cell is the union over its pods' pairs, marked as varying when they do not all agree.
/// </summary>
internal sealed class AnalysisView
{
    private readonly ReachabilityMatrix _matrix;

    public AnalysisView(PolicyEngine engine, ReachabilityMatrix matrix, IReadOnlyList<ProbeSpec> probes, bool byWorkload)
    {
        Engine = engine;
        _matrix = matrix;
        Probes = probes;
        Rows = byWorkload
            ? [.. engine.Cluster.Endpoints.GroupBy(WorkloadName, StringComparer.Ordinal).Select(g => new ViewRow(g.Key, [.. g]))]
            : [.. engine.Cluster.Endpoints.Select(e => new ViewRow(e.Key, [e]))];
    }

    public PolicyEngine Engine { get; }

    public IReadOnlyList<ViewRow> Rows { get; }

    public IReadOnlyList<ProbeSpec> Probes { get; }

    /// <summary>The allowed ports from row <paramref name="from"/> to row <paramref name="to"/>, and whether pods disagree.</summary>
    public (PortSet Ports, bool Varies) Cell(ViewRow from, ViewRow to)
    {
        PortSet? first = null;
        var union = PortSet.Empty;
        var varies = false;
        foreach (var s in from.Members)
        {
            foreach (var d in to.Members)
            {
                var ports = _matrix.Get(s, d);
                varies |= first is not null && !first.Equals(ports);
                first ??= ports;
                union = union.Union(ports);
            }
        }
        return (union, varies);
    }

    /// <summary>True when every pod pair of the two rows may connect on the probe's port.</summary>
    public bool Allows(ViewRow from, ViewRow to, ProbeSpec probe) =>
        from.Members.All(s => to.Members.All(d => _matrix.Allows(s, d, probe.Protocol, probe.Port)));

    public string CellText(ViewRow from, ViewRow to)
    {
        var (ports, varies) = Cell(from, to);
        return varies ? $"{ports} (varies by pod)" : ports.ToString();
    }

    /// <summary>"isolated by a, b" or "open" for a row's pods in a direction.</summary>
    public string Isolation(ViewRow row, Direction direction)
    {
        var policies = row.Members.SelectMany(e => Engine.IsolatingPolicies(e, direction)).Select(p => p.QualifiedName).Distinct().ToList();
        return policies.Count == 0 ? "open" : string.Join(", ", policies);
    }

    private static string WorkloadName(Endpoint e) => e.Workload is { } w ? $"{e.Namespace}/{w.Name}" : e.Key;
}
