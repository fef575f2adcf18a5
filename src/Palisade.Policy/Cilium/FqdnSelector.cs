namespace Palisade.Policy.Cilium;

/// <summary>
/// A DNS name selector (<c>toFQDNs</c> and L7 <c>dns</c> rules): exactly one of an exact name or a wildcard
/// pattern, at most 255 characters, matched case-insensitively with a trailing dot added.
/// </summary>
public sealed record FqdnSelector
{
    /// <summary>An exact DNS name.</summary>
    public string? MatchName { get; init; }

    /// <summary>A pattern: <c>*</c> matches within one label, a leading <c>**.</c> any number of labels.</summary>
    public string? MatchPattern { get; init; }
}
