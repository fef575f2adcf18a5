namespace Palisade.Observe.Metrics;

/// <summary>
/// Which source and destination context labels the flow metrics carry, as Hubble's metric options: each is a
/// <c>|</c>-separated list of identifiers (the first that gives a non-empty value wins): <c>namespace</c>,
/// <c>pod</c> (<c>namespace/pod</c>), <c>pod-name</c>, <c>workload</c> or <c>workload-name</c>, <c>identity</c>
/// (the identity's labels, comma-separated), <c>reserved-identity</c>, <c>app</c>, <c>dns</c>, <c>ip</c>.
/// Null leaves the label out.
/// </summary>
/// <param name="SourceContext">The <c>source</c> label's identifiers, or null.</param>
/// <param name="DestinationContext">The <c>destination</c> label's identifiers, or null.</param>
internal sealed record FlowMetricsOptions(string? SourceContext = null, string? DestinationContext = null)
{
    /// <summary>Parses Hubble's option form <c>sourceContext=namespace;destinationContext=pod|ip</c> (keys case-insensitive).</summary>
    public static FlowMetricsOptions Parse(string text)
    {
        var options = new FlowMetricsOptions();
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k.ToLowerInvariant(), v) : (pair, "");
            options = key switch
            {
                "sourcecontext" => options with { SourceContext = value },
                "destinationcontext" => options with { DestinationContext = value },
                _ => throw new ArgumentException($"unknown metrics option \"{pair}\": expected sourceContext=... or destinationContext=...", nameof(text)),
            };
        }
        return options;
    }
}
