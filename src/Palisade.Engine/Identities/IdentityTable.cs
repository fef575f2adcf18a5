using Palisade.Engine.Cluster;

namespace Palisade.Engine.Identities;

/// <summary>
/// Allocates identities for the endpoints of a cluster. Numbers are assigned in the canonical order of the label
/// sets, so they do not depend on the order in which objects were loaded.
/// </summary>
public sealed class IdentityTable
{
    private readonly Dictionary<string, Identity> _byKey;

    private IdentityTable(List<Identity> identities)
    {
        All = identities;
        _byKey = identities.ToDictionary(i => Identity.KeyOf(i.Namespace, i.PodLabels, i.ServiceAccount), StringComparer.Ordinal);
        ByNamespace = identities.GroupBy(i => i.Namespace, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Identity>)[.. g], StringComparer.Ordinal);
    }

    /// <summary>Every cluster identity, by increasing number; index i holds number 256 + i.</summary>
    public IReadOnlyList<Identity> All { get; }

    /// <summary>Identities grouped by namespace.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Identity>> ByNamespace { get; }

    /// <summary>Allocates identities for every managed endpoint of <paramref name="cluster"/>.</summary>
    public static IdentityTable Allocate(ClusterState cluster)
    {
        var keys = new SortedDictionary<string, Endpoint>(StringComparer.Ordinal);
        foreach (var e in cluster.Endpoints.Where(e => !e.HostNetwork))
        {
            keys.TryAdd(Identity.KeyOf(e.Namespace, e.Labels, e.ServiceAccount), e);
        }
        var list = keys.Values.Select((e, i) => new Identity(
            Identity.FirstClusterId + i, e.Namespace, e.Labels,
            cluster.NamespaceByName.TryGetValue(e.Namespace, out var ns) ? ns.Labels : Labels.LabelSet.Empty,
            e.ServiceAccount)).ToList();
        return new IdentityTable(list);
    }

    /// <summary>The identity of a managed endpoint, or null for a host-network (exempt) pod.</summary>
    public Identity? Of(Endpoint endpoint) =>
        endpoint.HostNetwork ? null : _byKey.GetValueOrDefault(Identity.KeyOf(endpoint.Namespace, endpoint.Labels, endpoint.ServiceAccount));
}
