using System.Text.Json.Serialization;
using k8s.Models;

namespace Palisade.Policy.Cilium;

/// <summary>An egress deny rule: like <see cref="EgressRule"/> but ports only (no L7), no toFQDNs, no authentication.</summary>
public sealed record EgressDenyRule
{
    /// <summary>Peer endpoints.</summary>
    public IReadOnlyList<V1LabelSelector?>? ToEndpoints { get; init; }

    /// <summary>
    /// Deprecated and removed from Cilium; bound only to be rejected. Loose items: old manifests wrote selectors,
    /// the current CRD declares strings.
    /// </summary>
    public IReadOnlyList<object?>? ToRequires { get; init; }

    /// <summary>Peer addresses outside the cluster.</summary>
    [JsonPropertyName("toCIDR")]
    public IReadOnlyList<string?>? ToCidr { get; init; }

    /// <summary>Peer prefixes with exceptions.</summary>
    [JsonPropertyName("toCIDRSet")]
    public IReadOnlyList<CidrRule?>? ToCidrSet { get; init; }

    /// <summary>Peer entities.</summary>
    public IReadOnlyList<string?>? ToEntities { get; init; }

    /// <summary>Peer Kubernetes services.</summary>
    public IReadOnlyList<CiliumService?>? ToServices { get; init; }

    /// <summary>Peers from a cloud provider.</summary>
    public IReadOnlyList<CiliumGroups?>? ToGroups { get; init; }

    /// <summary>Peer nodes by their labels.</summary>
    public IReadOnlyList<V1LabelSelector?>? ToNodes { get; init; }

    /// <summary>Denied ports.</summary>
    public IReadOnlyList<PortDenyRule?>? ToPorts { get; init; }

    /// <summary>Denied ICMP types.</summary>
    public IReadOnlyList<IcmpRule?>? Icmps { get; init; }
}
