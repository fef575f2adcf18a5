namespace Palisade.Policy.Cilium;

/// <summary>A reference to a CiliumEnvoyConfig or CiliumClusterwideEnvoyConfig.</summary>
public sealed record EnvoyConfigRef
{
    /// <summary>The kind.</summary>
    public string? Kind { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }
}
