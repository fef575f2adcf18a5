namespace Palisade.Policy.Cilium;

/// <summary>One entry of <c>icmps</c>: up to 40 ICMP types.</summary>
public sealed record IcmpRule
{
    /// <summary>The types.</summary>
    public IReadOnlyList<IcmpField?>? Fields { get; init; }
}
