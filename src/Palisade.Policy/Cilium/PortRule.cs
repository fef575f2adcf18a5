using System.Text.Json.Serialization;

namespace Palisade.Policy.Cilium;

/// <summary>
/// One entry of an allow rule's <c>toPorts</c>: up to 40 ports and optional L7 rules. The TLS, SNI and listener
/// fields are bound so that they can be rejected by name; Palisade does not support them.
/// </summary>
public sealed record PortRule
{
    /// <summary>The ports (at most 40).</summary>
    public IReadOnlyList<PortProtocol?>? Ports { get; init; }

    /// <summary>L7 rules: HTTP or DNS.</summary>
    public L7Rules? Rules { get; init; }

    /// <summary>TLS termination by the proxy; not supported by Palisade.</summary>
    [JsonPropertyName("terminatingTLS")]
    public TlsContext? TerminatingTls { get; init; }

    /// <summary>TLS origination by the proxy; not supported by Palisade.</summary>
    [JsonPropertyName("originatingTLS")]
    public TlsContext? OriginatingTls { get; init; }

    /// <summary>Allowed TLS SNI values; not supported by Palisade.</summary>
    public IReadOnlyList<string?>? ServerNames { get; init; }

    /// <summary>A custom Envoy listener; not supported by Palisade.</summary>
    public ListenerRef? Listener { get; init; }
}
