using System.Text.Json.Serialization;

namespace Palisade.Policy.Cilium;

/// <summary>
/// <c>rules</c> of a port rule: one L7 protocol, HTTP or DNS. <see cref="Kafka"/>, <see cref="L7Proto"/> and
/// <see cref="L7"/> were removed from Cilium in 1.20; they are bound only so that they can be rejected clearly.
/// </summary>
public sealed record L7Rules
{
    /// <summary>HTTP rules; a request must match one of them.</summary>
    public IReadOnlyList<PortRuleHttp?>? Http { get; init; }

    /// <summary>DNS rules (egress only); a query must match one of them.</summary>
    public IReadOnlyList<FqdnSelector?>? Dns { get; init; }

    /// <summary>Removed from Cilium; rejected.</summary>
    public IReadOnlyList<object?>? Kafka { get; init; }

    /// <summary>Removed from Cilium; rejected.</summary>
    [JsonPropertyName("l7proto")]
    public string? L7Proto { get; init; }

    /// <summary>Removed from Cilium; rejected.</summary>
    public IReadOnlyList<object?>? L7 { get; init; }
}
