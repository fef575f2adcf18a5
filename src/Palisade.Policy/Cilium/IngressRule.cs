using System.Text.Json.Serialization;
using k8s.Models;

namespace Palisade.Policy.Cilium;

/// <summary>An ingress allow rule: at most one kind of peer, then ports (with optional L7 rules) or ICMP types.</summary>
public sealed record IngressRule
{
    /// <summary>Peer endpoints; an empty list selects nothing, <c>[{}]</c> every endpoint.</summary>
    public IReadOnlyList<V1LabelSelector?>? FromEndpoints { get; init; }

    /// <summary>
    /// Deprecated and removed from Cilium; bound only to be rejected. Loose items: old manifests wrote selectors,
    /// the current CRD declares strings.
    /// </summary>
    public IReadOnlyList<object?>? FromRequires { get; init; }

    /// <summary>Peer addresses outside the cluster (a prefix or a single address).</summary>
    [JsonPropertyName("fromCIDR")]
    public IReadOnlyList<string?>? FromCidr { get; init; }

    /// <summary>Peer prefixes with exceptions.</summary>
    [JsonPropertyName("fromCIDRSet")]
    public IReadOnlyList<CidrRule?>? FromCidrSet { get; init; }

    /// <summary>Peer entities such as <c>world</c> or <c>host</c>.</summary>
    public IReadOnlyList<string?>? FromEntities { get; init; }

    /// <summary>Peers from a cloud provider (AWS security groups).</summary>
    public IReadOnlyList<CiliumGroups?>? FromGroups { get; init; }

    /// <summary>Peer nodes by their labels.</summary>
    public IReadOnlyList<V1LabelSelector?>? FromNodes { get; init; }

    /// <summary>Allowed ports, each with optional L7 rules.</summary>
    public IReadOnlyList<PortRule?>? ToPorts { get; init; }

    /// <summary>Allowed ICMP types; not together with <see cref="ToPorts"/>.</summary>
    public IReadOnlyList<IcmpRule?>? Icmps { get; init; }

    /// <summary>Mutual authentication; not supported by Palisade.</summary>
    public CiliumAuthentication? Authentication { get; init; }
}
