using ARSoft.Tools.Net.Dns;

namespace Palisade.Lab.Dns;

/// <summary>
/// What the zone holds at one queried name, before the query type filters it: whether the name exists, its records of
/// every type (owned by the name as the client spelled it) and the address records of SRV targets.
/// </summary>
internal sealed record DnsLookup(DnsNameScope Scope, bool Exists, IReadOnlyList<DnsRecordBase> Records, IReadOnlyList<DnsRecordBase> Additional)
{
    /// <summary>A name outside the cluster domain and the world hosts.</summary>
    public static DnsLookup Outside { get; } = new(DnsNameScope.Outside, false, [], []);

    /// <summary>A name under the cluster domain that does not exist.</summary>
    public static DnsLookup ClusterNxDomain { get; } = new(DnsNameScope.Cluster, false, [], []);

    /// <summary>A name under the cluster domain that exists and holds no records (an empty non-terminal such as a namespace).</summary>
    public static DnsLookup ClusterEmpty { get; } = new(DnsNameScope.Cluster, true, [], []);

    /// <summary>A name under the cluster domain with records.</summary>
    public static DnsLookup Cluster(IEnumerable<DnsRecordBase> records, IEnumerable<DnsRecordBase>? additional = null) =>
        new(DnsNameScope.Cluster, true, [.. records], [.. additional ?? []]);
}
