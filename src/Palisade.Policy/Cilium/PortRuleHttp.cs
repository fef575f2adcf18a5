namespace Palisade.Policy.Cilium;

/// <summary>
/// One HTTP rule: every field that is set must match. Method, path and host are regular expressions matched
/// against the whole value.
/// </summary>
public sealed record PortRuleHttp
{
    /// <summary>A regular expression for the method.</summary>
    public string? Method { get; init; }

    /// <summary>A regular expression for the path.</summary>
    public string? Path { get; init; }

    /// <summary>A regular expression for the Host header.</summary>
    public string? Host { get; init; }

    /// <summary>Headers that must be present, as <c>Name</c> or <c>Name: value</c>.</summary>
    public IReadOnlyList<string?>? Headers { get; init; }

    /// <summary>Headers that must match a value.</summary>
    public IReadOnlyList<HeaderMatch?>? HeaderMatches { get; init; }
}
