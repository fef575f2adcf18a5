using Palisade.Observe.Flows;

namespace Palisade.Observe.Metrics;

/// <summary>The <c>source</c>/<c>destination</c> context labels of the flow metrics (Hubble's ContextOptions).</summary>
internal sealed class MetricContext
{
    private static readonly string[] Identifiers =
        ["identity", "namespace", "pod", "pod-name", "dns", "ip", "reserved-identity", "workload", "workload-name", "app"];

    private static readonly string[] AppLabels = ["k8s:app.kubernetes.io/name", "k8s:k8s-app", "k8s:app"];

    private readonly string[] source;
    private readonly string[] destination;

    /// <summary>Parses the options; throws <see cref="ArgumentException"/> naming an unknown identifier.</summary>
    public MetricContext(FlowMetricsOptions options)
    {
        source = Parse(options.SourceContext);
        destination = Parse(options.DestinationContext);
        LabelNames = [.. source.Length > 0 ? ["source"] : Array.Empty<string>(), .. destination.Length > 0 ? ["destination"] : Array.Empty<string>()];
    }

    /// <summary>The context label names, appended after each metric's own labels.</summary>
    public string[] LabelNames { get; }

    /// <summary>The context label values of a flow, in the order of <see cref="LabelNames"/>.</summary>
    public string[] Values(Flow flow) =>
        [.. source.Length > 0 ? [Value(source, flow, true)] : Array.Empty<string>(),
         .. destination.Length > 0 ? [Value(destination, flow, false)] : Array.Empty<string>()];

    private static string[] Parse(string? context)
    {
        if (string.IsNullOrEmpty(context))
        {
            return [];
        }
        var ids = context.Split('|', StringSplitOptions.TrimEntries);
        var unknown = ids.FirstOrDefault(i => !Identifiers.Contains(i));
        return unknown is null
            ? ids
            : throw new ArgumentException($"unknown metrics context \"{unknown}\": expected one of {string.Join(", ", Identifiers)}", nameof(context));
    }

    private static string Value(string[] ids, Flow flow, bool isSource)
    {
        foreach (var id in ids)
        {
            var value = Value(id, flow, isSource);
            if (value.Length > 0)
            {
                return value;
            }
        }
        return "";
    }

    private static string Value(string id, Flow flow, bool isSource)
    {
        var ep = (isSource ? flow.Source : flow.Destination) ?? new Endpoint();
        return id switch
        {
            "namespace" => ep.Namespace,
            "identity" => string.Join(',', ep.Labels),
            "pod" => ep.Namespace.Length > 0 ? $"{ep.Namespace}/{ep.PodName}" : ep.PodName,
            "pod-name" => ep.PodName,
            "dns" => string.Join(',', isSource ? flow.SourceNames : flow.DestinationNames),
            "ip" => (isSource ? flow.IP?.Source : flow.IP?.Destination) ?? "",
            "reserved-identity" => ep.Labels.Contains("reserved:kube-apiserver")
                ? "reserved:kube-apiserver"
                : ep.Labels.FirstOrDefault(l => l.StartsWith("reserved:", StringComparison.Ordinal)) ?? "",
            "app" => AppLabels.Select(a => ep.Labels.FirstOrDefault(l => l.StartsWith(a + "=", StringComparison.Ordinal)))
                .OfType<string>().Select(l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]).FirstOrDefault(v => v.Length > 0) ?? "",
            _ => ep.Workloads.Count > 0 ? ep.Workloads[0].Name : "",
        };
    }
}
