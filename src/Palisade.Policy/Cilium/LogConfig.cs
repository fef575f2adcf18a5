namespace Palisade.Policy.Cilium;

/// <summary><c>log</c>: a value of at most 32 printable characters copied into matching flows.</summary>
public sealed record LogConfig
{
    /// <summary>The value.</summary>
    public string? Value { get; init; }
}
