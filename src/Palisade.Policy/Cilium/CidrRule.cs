using k8s.Models;

namespace Palisade.Policy.Cilium;

/// <summary>
/// One entry of <c>fromCIDRSet</c>/<c>toCIDRSet</c>: exactly one of <see cref="Cidr"/>, <see cref="CidrGroupRef"/>
/// and <see cref="CidrGroupSelector"/>, with optional exceptions inside the prefix.
/// </summary>
public sealed record CidrRule
{
    /// <summary>A prefix in <c>address/length</c> form.</summary>
    public string? Cidr { get; init; }

    /// <summary>The name of a CiliumCIDRGroup; not supported by Palisade.</summary>
    public string? CidrGroupRef { get; init; }

    /// <summary>A selector of CiliumCIDRGroups; not supported by Palisade.</summary>
    public V1LabelSelector? CidrGroupSelector { get; init; }

    /// <summary>Prefixes inside <see cref="Cidr"/> that the rule does not match.</summary>
    public IReadOnlyList<string?>? Except { get; init; }
}
