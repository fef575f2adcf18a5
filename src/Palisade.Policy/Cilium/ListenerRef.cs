namespace Palisade.Policy.Cilium;

/// <summary>A custom Envoy listener of a port rule; bound only to be rejected.</summary>
public sealed record ListenerRef
{
    /// <summary>The CiliumEnvoyConfig that defines the listener.</summary>
    public EnvoyConfigRef? EnvoyConfig { get; init; }

    /// <summary>The listener name.</summary>
    public string? Name { get; init; }

    /// <summary>Priority 1–100 among listeners.</summary>
    public int? Priority { get; init; }
}
