namespace Palisade.Lab.Dns;

/// <summary>Which part of the lab's DNS a queried name falls in.</summary>
internal enum DnsNameScope
{
    /// <summary>Under the cluster domain: answered authoritatively, with the zone's SOA when there is no answer.</summary>
    Cluster,

    /// <summary>A world host's name.</summary>
    External,

    /// <summary>Neither: the lab has no upstream resolver, so the name does not exist.</summary>
    Outside,
}
