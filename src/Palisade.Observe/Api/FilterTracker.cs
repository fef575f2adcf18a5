using Palisade.Observe.Flows;

namespace Palisade.Observe.Api;

/// <summary>
/// Hubble CLI's filterTracker: builds the whitelist (or the blacklist) from filter flags as two filters,
/// <c>left OR right</c>. A flag naming one side (<c>--from-pod</c>) goes into both; a flag for either side
/// (<c>--pod</c>, <c>--ip</c>, <c>--label</c>, <c>--port</c>, <c>--identity</c>) puts its source field into
/// the left filter and its destination field into the right one. Namespaces (<c>-n</c>, <c>--from-namespace</c>,
/// <c>--to-namespace</c>) are applied last, prefixing pod values without a slash (or standing alone as
/// <c>ns/</c>); <c>-n</c> applies to the source on the left and the destination on the right.
/// </summary>
internal sealed class FilterTracker
{
    private static readonly string[][] ConflictGroups =
    [
        ["from-ip", "ip", "from-namespace", "namespace"],
        ["from-ip", "ip", "from-pod", "pod"],
        ["to-ip", "ip", "to-namespace", "namespace"],
        ["to-ip", "ip", "to-pod", "pod"],
        ["to-pod", "namespace"],
        ["from-pod", "namespace"],
        ["label", "from-label"],
        ["label", "to-label"],
        ["port", "to-port"],
        ["port", "from-port"],
        ["identity", "to-identity"],
        ["identity", "from-identity"],
        ["workload", "to-workload"],
        ["workload", "from-workload"],
    ];

    private readonly HashSet<string> changed = [];
    private readonly List<string> ns = [];
    private readonly List<string> srcNs = [];
    private readonly List<string> dstNs = [];
    private FlowFilter? left;
    private FlowFilter? right;

    /// <summary>Records a use of the flag; throws when it cannot be combined with one used before.</summary>
    public void Track(string name)
    {
        changed.Add(name);
        foreach (var group in ConflictGroups.Where(g => g.Contains(name)))
        {
            var other = group.FirstOrDefault(f => f != name && changed.Contains(f));
            if (other is not null)
            {
                throw new ObserveFlagException("--" + name, $"filters --{name} and --{other} cannot be combined");
            }
        }
    }

    /// <summary>Updates both filters.</summary>
    public void Both(Action<FlowFilter> update)
    {
        Left(update);
        Right(update);
    }

    /// <summary>Updates the left (source side) filter.</summary>
    public void Left(Action<FlowFilter> update) => update(left ??= new FlowFilter());

    /// <summary>Updates the right (destination side) filter.</summary>
    public void Right(Action<FlowFilter> update) => update(right ??= new FlowFilter());

    /// <summary>Adds a namespace for <c>-n</c> (<paramref name="side"/> null), <c>--from-namespace</c> ("from") or <c>--to-namespace</c> ("to").</summary>
    public void AddNamespace(string? side, string value) =>
        (side switch { "from" => srcNs, "to" => dstNs, _ => ns }).Add(value);

    /// <summary>Throws when a pod value names a namespace other than the ones given with the namespace flags.</summary>
    public void CheckNamespaceConflicts()
    {
        foreach (var ff in new[] { left, right }.OfType<FlowFilter>())
        {
            Conflicts(ns, ff.SourcePod, "--namespace");
            Conflicts(ns, ff.DestinationPod, "--namespace");
            Conflicts(srcNs, ff.SourcePod, "--from-namespace");
            Conflicts(dstNs, ff.DestinationPod, "--to-namespace");
        }
    }

    /// <summary>The filters the flags make: none, one, or two when the sides differ.</summary>
    public IReadOnlyList<FlowFilter> Materialize()
    {
        if (left is null && right is null && ns.Count == 0 && srcNs.Count == 0 && dstNs.Count == 0)
        {
            return [];
        }
        var l = left?.Clone() ?? new FlowFilter();
        var r = right?.Clone() ?? new FlowFilter();
        ApplyNamespaces(dstNs, l.DestinationPod);
        ApplyNamespaces(dstNs, r.DestinationPod);
        ApplyNamespaces(srcNs, l.SourcePod);
        ApplyNamespaces(srcNs, r.SourcePod);
        ApplyNamespaces(ns, l.SourcePod);
        ApplyNamespaces(ns, r.DestinationPod);
        return l.Equals(r) ? [l] : [l, r];
    }

    private static void ApplyNamespaces(List<string> namespaces, Google.Protobuf.Collections.RepeatedField<string> pods)
    {
        if (namespaces.Count == 0)
        {
            return;
        }
        var values = pods.Count == 0 ? [""] : pods.ToList();
        pods.Clear();
        foreach (var value in values)
        {
            pods.AddRange(value.Contains('/', StringComparison.Ordinal) ? [value] : namespaces.Select(n => $"{n}/{value}"));
        }
    }

    private static void Conflicts(List<string> namespaces, IEnumerable<string> names, string flag)
    {
        foreach (var n in namespaces)
        {
            var name = names.FirstOrDefault(v => v.Split('/') is { Length: > 1 } parts && parts[0].Length > 0 && parts[0] != n);
            if (name is not null)
            {
                throw new ObserveFlagException(flag, $"namespace conflict: \"{n}\" does not contain \"{name}\"");
            }
        }
    }
}
