namespace Palisade.Observe.Flows;

/// <summary>
/// A request's whitelist and blacklist compiled with Hubble's semantics: within one <see cref="FlowFilter"/>
/// every set field must match (AND) and a field matches when any of its values does (OR); a flow is included
/// when it matches any whitelist filter (or the whitelist is empty) and no blacklist filter.
/// </summary>
internal sealed class FlowPredicate
{
    private readonly Func<Flow, bool>[] whitelist;
    private readonly Func<Flow, bool>[] blacklist;

    private FlowPredicate(Func<Flow, bool>[] whitelist, Func<Flow, bool>[] blacklist)
    {
        this.whitelist = whitelist;
        this.blacklist = blacklist;
    }

    /// <summary>Compiles the filters; throws <see cref="FlowFilterException"/> when one is malformed.</summary>
    public static FlowPredicate Compile(IEnumerable<FlowFilter> whitelist, IEnumerable<FlowFilter> blacklist) =>
        new([.. whitelist.Select(CompileOne)], [.. blacklist.Select(CompileOne)]);

    /// <summary>Whether the flow passes the whitelist and no blacklist filter matches it.</summary>
    public bool Matches(Flow flow) =>
        (whitelist.Length == 0 || Array.Exists(whitelist, f => f(flow))) && !Array.Exists(blacklist, f => f(flow));

    private static Func<Flow, bool> CompileOne(FlowFilter filter)
    {
        var parts = new List<Func<Flow, bool>>();
        EndpointFilters.Add(parts, filter);
        TrafficFilters.Add(parts, filter);
        if (filter.Policy.Count > 0)
        {
            parts.Add(PolicyFilter.Build(filter.Policy));
        }
        var all = parts.ToArray();
        return flow => Array.TrueForAll(all, p => p(flow));
    }
}
