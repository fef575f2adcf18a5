namespace Palisade.Policy.Cilium;

/// <summary>A reference to a Kubernetes Secret.</summary>
public sealed record SecretRef
{
    /// <summary>The Secret's namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>The Secret's name.</summary>
    public string? Name { get; init; }
}
