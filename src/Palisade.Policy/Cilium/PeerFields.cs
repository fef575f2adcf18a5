using k8s.Models;

namespace Palisade.Policy.Cilium;

/// <summary>
/// The L3 peer fields shared by the four rule kinds, viewed uniformly for validation. <see cref="Prefix"/> is
/// <c>from</c> or <c>to</c>, giving the YAML field names.
/// </summary>
public sealed record PeerFields(
    string Prefix,
    IReadOnlyList<V1LabelSelector?>? Endpoints,
    IReadOnlyList<object?>? Requires,
    IReadOnlyList<string?>? Cidr,
    IReadOnlyList<CidrRule?>? CidrSet,
    IReadOnlyList<string?>? Entities,
    IReadOnlyList<CiliumGroups?>? Groups,
    IReadOnlyList<V1LabelSelector?>? Nodes,
    IReadOnlyList<CiliumService?>? Services = null,
    IReadOnlyList<FqdnSelector?>? Fqdns = null)
{
    /// <summary>The peers of an ingress allow rule.</summary>
    public static PeerFields Of(IngressRule r) => new("from", r.FromEndpoints, r.FromRequires, r.FromCidr, r.FromCidrSet, r.FromEntities, r.FromGroups, r.FromNodes);

    /// <summary>The peers of an ingress deny rule.</summary>
    public static PeerFields Of(IngressDenyRule r) => new("from", r.FromEndpoints, r.FromRequires, r.FromCidr, r.FromCidrSet, r.FromEntities, r.FromGroups, r.FromNodes);

    /// <summary>The peers of an egress allow rule.</summary>
    public static PeerFields Of(EgressRule r) =>
        new("to", r.ToEndpoints, r.ToRequires, r.ToCidr, r.ToCidrSet, r.ToEntities, r.ToGroups, r.ToNodes, r.ToServices, r.ToFqdns);

    /// <summary>The peers of an egress deny rule.</summary>
    public static PeerFields Of(EgressDenyRule r) =>
        new("to", r.ToEndpoints, r.ToRequires, r.ToCidr, r.ToCidrSet, r.ToEntities, r.ToGroups, r.ToNodes, r.ToServices);

    /// <summary>The L3 members that are set (non-empty), by YAML name, in a fixed order.</summary>
    public IEnumerable<string> SetMembers()
    {
        (string Name, int Count)[] members =
        [
            (Prefix + "Endpoints", Endpoints?.Count ?? 0), (Prefix + "CIDR", Cidr?.Count ?? 0), (Prefix + "CIDRSet", CidrSet?.Count ?? 0),
            (Prefix + "Entities", Entities?.Count ?? 0), ("toServices", Services?.Count ?? 0), (Prefix + "Groups", Groups?.Count ?? 0),
            (Prefix + "Nodes", Nodes?.Count ?? 0), ("toFQDNs", Fqdns?.Count ?? 0),
        ];
        return members.Where(m => m.Count > 0).Select(m => m.Name);
    }
}
