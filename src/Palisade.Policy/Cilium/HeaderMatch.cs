namespace Palisade.Policy.Cilium;

/// <summary>A header that must have a value; <see cref="Mismatch"/> says what the proxy does when it does not.</summary>
public sealed record HeaderMatch
{
    /// <summary>The header name; required.</summary>
    public string? Name { get; init; }

    /// <summary>The exact value.</summary>
    public string? Value { get; init; }

    /// <summary>A Secret holding the value; not supported by Palisade.</summary>
    public SecretRef? Secret { get; init; }

    /// <summary><c>LOG</c>, <c>ADD</c>, <c>DELETE</c> or <c>REPLACE</c>; unset means the request is denied.</summary>
    public string? Mismatch { get; init; }
}
