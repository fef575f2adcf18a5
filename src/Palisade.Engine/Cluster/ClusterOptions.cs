using Palisade.Policy.Net;

namespace Palisade.Engine.Cluster;

/// <summary>Options for turning manifests into cluster state.</summary>
public sealed record ClusterOptions
{
    /// <summary>Where pods without status.podIP get their addresses, in (namespace, name) order.</summary>
    public Cidr PodCidr { get; init; } = Cidr.Parse("10.244.0.0/16");

    /// <summary>Where nodes without a status address get theirs.</summary>
    public Cidr NodeCidr { get; init; } = Cidr.Parse("172.18.0.0/16");

    /// <summary>Treatment of host-network pods.</summary>
    public HostNetworkMode HostNetwork { get; init; } = HostNetworkMode.Exempt;
}
