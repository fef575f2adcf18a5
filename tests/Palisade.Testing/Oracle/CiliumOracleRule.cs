using k8s.Models;

namespace Palisade.Testing.Oracle;

/// <summary>One Cilium rule: the endpoints it selects, its four rule lists (null = absent) and enableDefaultDeny.</summary>
/// <param name="EndpointSelector">The subject selector (keys may carry k8s:, any: or reserved: prefixes).</param>
/// <param name="Ingress">The <c>ingress</c> allow list, null when absent.</param>
/// <param name="IngressDeny">The <c>ingressDeny</c> list, null when absent.</param>
/// <param name="Egress">The <c>egress</c> allow list, null when absent.</param>
/// <param name="EgressDeny">The <c>egressDeny</c> list, null when absent.</param>
/// <param name="EnableDefaultDeny">The <c>enableDefaultDeny</c> block, null when absent.</param>
public sealed record CiliumOracleRule(
    V1LabelSelector EndpointSelector,
    IReadOnlyList<CiliumOraclePeerRule>? Ingress,
    IReadOnlyList<CiliumOraclePeerRule>? IngressDeny,
    IReadOnlyList<CiliumOraclePeerRule>? Egress,
    IReadOnlyList<CiliumOraclePeerRule>? EgressDeny,
    CiliumOracleDefaultDeny? EnableDefaultDeny);

/// <summary>The <c>enableDefaultDeny</c> block; a null member is unset (which means true).</summary>
/// <param name="Ingress">enableDefaultDeny.ingress.</param>
/// <param name="Egress">enableDefaultDeny.egress.</param>
public sealed record CiliumOracleDefaultDeny(bool? Ingress, bool? Egress);

/// <summary>
/// One item of an ingress/ingressDeny/egress/egressDeny list: at most one L3 member (null = absent) and toPorts.
/// The same record serves both directions: Endpoints is fromEndpoints or toEndpoints, and so on.
/// </summary>
/// <param name="Endpoints">fromEndpoints/toEndpoints.</param>
/// <param name="Entities">fromEntities/toEntities.</param>
/// <param name="Cidrs">fromCIDR/toCIDR (prefixes or single addresses).</param>
/// <param name="CidrSets">fromCIDRSet/toCIDRSet.</param>
/// <param name="ToPorts">toPorts, null when absent (every port of every protocol).</param>
public sealed record CiliumOraclePeerRule(
    IReadOnlyList<V1LabelSelector>? Endpoints = null,
    IReadOnlyList<string>? Entities = null,
    IReadOnlyList<string>? Cidrs = null,
    IReadOnlyList<CiliumOracleCidrSet>? CidrSets = null,
    IReadOnlyList<CiliumOraclePortRule>? ToPorts = null);

/// <summary>One fromCIDRSet/toCIDRSet entry.</summary>
/// <param name="Cidr">The prefix.</param>
/// <param name="Except">Prefixes inside it that are excluded.</param>
public sealed record CiliumOracleCidrSet(string Cidr, IReadOnlyList<string> Except);

/// <summary>One toPorts entry: the union of its ports.</summary>
/// <param name="Ports">The ports.</param>
public sealed record CiliumOraclePortRule(IReadOnlyList<CiliumOraclePort> Ports);

/// <summary>One port of a toPorts entry.</summary>
/// <param name="Port">A number ("0" = every port) or a lower-case container port name.</param>
/// <param name="Protocol">TCP, UDP, SCTP, ANY, or null (= ANY).</param>
/// <param name="EndPort">The last port of a range starting at the numeric <paramref name="Port"/>, or null.</param>
public sealed record CiliumOraclePort(string Port, string? Protocol, int? EndPort);
