namespace Palisade.Observe.Flows;

/// <summary>The parts of a <see cref="FlowFilter"/> about the source and destination: IP, pod, label, identity, workload.</summary>
internal static class EndpointFilters
{
    /// <summary>Adds one predicate per set field; within a field any value matching is enough.</summary>
    public static void Add(List<Func<Flow, bool>> parts, FlowFilter ff)
    {
        AddIp(parts, ff.SourceIp, f => f.IP?.Source);
        AddIp(parts, ff.DestinationIp, f => f.IP?.Destination);
        AddPod(parts, ff.SourcePod, f => f.Source);
        AddPod(parts, ff.DestinationPod, f => f.Destination);
        AddLabel(parts, ff.SourceLabel, f => f.Source);
        AddLabel(parts, ff.DestinationLabel, f => f.Destination);
        AddIdentity(parts, ff.SourceIdentity, f => f.Source);
        AddIdentity(parts, ff.DestinationIdentity, f => f.Destination);
        AddWorkload(parts, ff.SourceWorkload, f => f.Source);
        AddWorkload(parts, ff.DestinationWorkload, f => f.Destination);
    }

    private static void AddIp(List<Func<Flow, bool>> parts, IReadOnlyCollection<string> values, Func<Flow, string?> ip)
    {
        if (values.Count > 0)
        {
            var matcher = new IpMatcher(values);
            parts.Add(f => ip(f) is { Length: > 0 } address && matcher.Matches(address));
        }
    }

    private static void AddPod(List<Func<Flow, bool>> parts, IReadOnlyCollection<string> values, Func<Flow, Endpoint?> ep)
    {
        if (values.Count > 0)
        {
            var matcher = new PodNameMatcher(values);
            parts.Add(f => matcher.Matches(ep(f)));
        }
    }

    private static void AddLabel(List<Func<Flow, bool>> parts, IReadOnlyCollection<string> values, Func<Flow, Endpoint?> ep)
    {
        if (values.Count > 0)
        {
            var selectors = values.Select(LabelSelector.Parse).ToArray();
            parts.Add(f =>
            {
                var labels = (ep(f)?.Labels ?? []).Select(CiliumLabel.Parse).ToList();
                return selectors.Any(s => s.Matches(labels));
            });
        }
    }

    private static void AddIdentity(List<Func<Flow, bool>> parts, IReadOnlyCollection<uint> values, Func<Flow, Endpoint?> ep)
    {
        if (values.Count > 0)
        {
            var set = values.ToHashSet();
            parts.Add(f => ep(f) is { } e && set.Contains(e.Identity));
        }
    }

    private static void AddWorkload(List<Func<Flow, bool>> parts, IReadOnlyCollection<Workload> values, Func<Flow, Endpoint?> ep)
    {
        if (values.Count > 0)
        {
            var wanted = values.ToArray();
            parts.Add(f => (ep(f)?.Workloads ?? []).Any(w => wanted.Any(x =>
                (x.Kind.Length == 0 || x.Kind == w.Kind) && (x.Name.Length == 0 || x.Name == w.Name))));
        }
    }
}
