namespace Palisade.Policy.Cilium;

/// <summary>
/// <c>enableDefaultDeny</c>: when a direction is unset it is default-deny if the rule has rules for it; if any rule
/// selecting an endpoint asks for default deny, it wins.
/// </summary>
public sealed record DefaultDenyConfig
{
    /// <summary>Default deny for ingress.</summary>
    public bool? Ingress { get; init; }

    /// <summary>Default deny for egress.</summary>
    public bool? Egress { get; init; }
}
