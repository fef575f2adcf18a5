using Palisade.Policy.Net;

namespace Palisade.Engine.Cluster;

/// <summary>The state the engine evaluates: namespaces, endpoints and nodes. Immutable.</summary>
public sealed class ClusterState
{
    private readonly Dictionary<string, Endpoint> _byKey;
    private readonly Dictionary<IpAddressValue, Endpoint> _byAddress;

    /// <summary>Builds the state and its indexes.</summary>
    public ClusterState(IReadOnlyList<NamespaceInfo> namespaces, IReadOnlyList<Endpoint> endpoints, IReadOnlyList<NodeInfo> nodes, ClusterOptions options)
    {
        Namespaces = namespaces;
        Endpoints = endpoints;
        Nodes = nodes;
        Options = options;
        _byKey = endpoints.ToDictionary(e => e.Key, StringComparer.Ordinal);
        _byAddress = new Dictionary<IpAddressValue, Endpoint>();
        foreach (var e in endpoints.Where(e => !e.HostNetwork))
        {
            foreach (var a in e.Addresses) _byAddress.TryAdd(a, e);
        }
        NamespaceByName = namespaces.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    /// <summary>Namespaces by name.</summary>
    public IReadOnlyDictionary<string, NamespaceInfo> NamespaceByName { get; }

    /// <summary>All namespaces.</summary>
    public IReadOnlyList<NamespaceInfo> Namespaces { get; }

    /// <summary>All endpoints (pods), sorted by namespace and name.</summary>
    public IReadOnlyList<Endpoint> Endpoints { get; }

    /// <summary>All nodes.</summary>
    public IReadOnlyList<NodeInfo> Nodes { get; }

    /// <summary>The options the state was built with.</summary>
    public ClusterOptions Options { get; }

    /// <summary>The endpoint named <c>namespace/name</c>, or null.</summary>
    public Endpoint? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The (non host-network) pod owning <paramref name="address"/>, or null.</summary>
    public Endpoint? FindByAddress(IpAddressValue address) => _byAddress.GetValueOrDefault(address);
}
