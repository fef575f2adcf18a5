namespace Palisade.Policy.Cilium;

/// <summary><c>authentication</c> of an allow rule: mutual authentication of the peers.</summary>
public sealed record CiliumAuthentication
{
    /// <summary><c>disabled</c>, <c>required</c> or <c>test-always-fail</c>.</summary>
    public string? Mode { get; init; }
}
