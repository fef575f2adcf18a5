using k8s.Models;

namespace Palisade.Policy.Cilium;

/// <summary>An ICMP type of one family; there is no code match.</summary>
public sealed record IcmpField
{
    /// <summary><c>IPv4</c> (the default) or <c>IPv6</c>.</summary>
    public string? Family { get; init; }

    /// <summary>A type number 0–255 or a CamelCase name of the family, e.g. <c>EchoRequest</c>.</summary>
    public IntOrString? Type { get; init; }

    /// <summary>The family as Cilium reads it: <c>IPv4</c> when omitted or empty.</summary>
    public string EffectiveFamily => string.IsNullOrEmpty(Family) ? IcmpTypes.IPv4 : Family;

    /// <summary>The type number, from a number or a known name of the family; null when invalid.</summary>
    public int? TypeNumber => Type?.Value is { } text && IcmpTypes.TryResolve(EffectiveFamily, text, out var code) ? code : null;
}
