using System.Text.Json.Serialization;
using k8s.Models;

namespace Palisade.Policy.Cilium;

/// <summary>An ingress deny rule: like <see cref="IngressRule"/> but ports only (no L7) and no authentication.</summary>
public sealed record IngressDenyRule
{
    /// <summary>Peer endpoints.</summary>
    public IReadOnlyList<V1LabelSelector?>? FromEndpoints { get; init; }

    /// <summary>
    /// Deprecated and removed from Cilium; bound only to be rejected. Loose items: old manifests wrote selectors,
    /// the current CRD declares strings.
    /// </summary>
    public IReadOnlyList<object?>? FromRequires { get; init; }

    /// <summary>Peer addresses outside the cluster.</summary>
    [JsonPropertyName("fromCIDR")]
    public IReadOnlyList<string?>? FromCidr { get; init; }

    /// <summary>Peer prefixes with exceptions.</summary>
    [JsonPropertyName("fromCIDRSet")]
    public IReadOnlyList<CidrRule?>? FromCidrSet { get; init; }

    /// <summary>Peer entities.</summary>
    public IReadOnlyList<string?>? FromEntities { get; init; }

    /// <summary>Peers from a cloud provider.</summary>
    public IReadOnlyList<CiliumGroups?>? FromGroups { get; init; }

    /// <summary>Peer nodes by their labels.</summary>
    public IReadOnlyList<V1LabelSelector?>? FromNodes { get; init; }

    /// <summary>Denied ports.</summary>
    public IReadOnlyList<PortDenyRule?>? ToPorts { get; init; }

    /// <summary>Denied ICMP types.</summary>
    public IReadOnlyList<IcmpRule?>? Icmps { get; init; }
}
