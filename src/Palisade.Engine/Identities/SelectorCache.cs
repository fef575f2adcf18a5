using System.Collections;

namespace Palisade.Engine.Identities;

/// <summary>
/// Maps each distinct endpoint selector to the identities it selects, computed once per selector. A selector bound
/// to one namespace only looks at that namespace's identities.
/// </summary>
public sealed class SelectorCache(IdentityTable identities)
{
    private readonly Dictionary<EndpointSelector, IdentitySet> _cache = [];

    /// <summary>How many distinct selectors have been resolved.</summary>
    public int Count => _cache.Count;

    /// <summary>The identities <paramref name="selector"/> selects.</summary>
    public IdentitySet Get(EndpointSelector selector)
    {
        if (_cache.TryGetValue(selector, out var set)) return set;
        var bits = new BitArray(identities.All.Count);
        var count = 0;
        foreach (var identity in Candidates(selector))
        {
            if (!selector.Matches(identity)) continue;
            bits[identity.Id - Identity.FirstClusterId] = true;
            count++;
        }
        return _cache[selector] = new IdentitySet(bits, count);
    }

    private IEnumerable<Identity> Candidates(EndpointSelector selector) =>
        selector.Namespaces.Name is { } ns
            ? identities.ByNamespace.GetValueOrDefault(ns) ?? []
            : identities.All;
}
