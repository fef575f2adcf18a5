using System.Text.Json.Serialization;

namespace Palisade.Policy.Cilium;

/// <summary>A TLS context of the L7 proxy (<c>terminatingTLS</c>/<c>originatingTLS</c>); bound only to be rejected.</summary>
public sealed record TlsContext
{
    /// <summary>The Secret with the certificates.</summary>
    public SecretRef? Secret { get; init; }

    /// <summary>The trusted CA item.</summary>
    [JsonPropertyName("trustedCA")]
    public string? TrustedCa { get; init; }

    /// <summary>The certificate chain item.</summary>
    public string? Certificate { get; init; }

    /// <summary>The private key item.</summary>
    public string? PrivateKey { get; init; }
}
