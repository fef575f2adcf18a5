using System.Text.Json.Serialization;
using k8s.Models;

namespace Palisade.Policy.Cilium;

/// <summary>An egress allow rule: at most one kind of peer, then ports (with optional L7 rules) or ICMP types.</summary>
public sealed record EgressRule
{
    /// <summary>Peer endpoints; an empty list selects nothing, <c>[{}]</c> every endpoint.</summary>
    public IReadOnlyList<V1LabelSelector?>? ToEndpoints { get; init; }

    /// <summary>
    /// Deprecated and removed from Cilium; bound only to be rejected. Loose items: old manifests wrote selectors,
    /// the current CRD declares strings.
    /// </summary>
    public IReadOnlyList<object?>? ToRequires { get; init; }

    /// <summary>Peer addresses outside the cluster (a prefix or a single address).</summary>
    [JsonPropertyName("toCIDR")]
    public IReadOnlyList<string?>? ToCidr { get; init; }

    /// <summary>Peer prefixes with exceptions.</summary>
    [JsonPropertyName("toCIDRSet")]
    public IReadOnlyList<CidrRule?>? ToCidrSet { get; init; }

    /// <summary>Peer entities such as <c>world</c> or <c>kube-apiserver</c>.</summary>
    public IReadOnlyList<string?>? ToEntities { get; init; }

    /// <summary>Peer Kubernetes services (their backends).</summary>
    public IReadOnlyList<CiliumService?>? ToServices { get; init; }

    /// <summary>Peers from a cloud provider (AWS security groups).</summary>
    public IReadOnlyList<CiliumGroups?>? ToGroups { get; init; }

    /// <summary>Peer nodes by their labels.</summary>
    public IReadOnlyList<V1LabelSelector?>? ToNodes { get; init; }

    /// <summary>Peer DNS names; their addresses are learned from DNS answers.</summary>
    [JsonPropertyName("toFQDNs")]
    public IReadOnlyList<FqdnSelector?>? ToFqdns { get; init; }

    /// <summary>Allowed ports, each with optional L7 rules.</summary>
    public IReadOnlyList<PortRule?>? ToPorts { get; init; }

    /// <summary>Allowed ICMP types; not together with <see cref="ToPorts"/>.</summary>
    public IReadOnlyList<IcmpRule?>? Icmps { get; init; }

    /// <summary>Mutual authentication; not supported by Palisade.</summary>
    public CiliumAuthentication? Authentication { get; init; }
}
