namespace Palisade.Observe.Flows;

/// <summary>
/// Cilium monitor event types and sub-types as Hubble uses them in <c>Flow.event_type</c>
/// (pkg/monitor/api/types.go), with the names <c>hubble observe --type</c> accepts.
/// </summary>
internal static class MonitorEvents
{
    /// <summary>A packet dropped by the datapath; the sub-type is the drop reason.</summary>
    public const int Drop = 1;

    /// <summary>A packet seen at a trace point; the sub-type is the observation point.</summary>
    public const int Trace = 4;

    /// <summary>A policy decision on a new connection; the sub-type is unused.</summary>
    public const int PolicyVerdict = 5;

    /// <summary>An L7 proxy access log record.</summary>
    public const int L7 = 129;

    /// <summary>Palisade's trace sub-type for a conntrack connection-end event (with counters).</summary>
    public const int TraceConnectionEnd = 100;

    /// <summary>The event type names of <c>--type</c>, as Hubble's MessageTypeNames.</summary>
    public static readonly IReadOnlyDictionary<string, int> TypeNames = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["drop"] = Drop,
        ["debug"] = 2,
        ["capture"] = 3,
        ["trace"] = Trace,
        ["policy-verdict"] = PolicyVerdict,
        ["recorder"] = 6,
        ["trace-sock"] = 7,
        ["l7"] = L7,
        ["agent"] = 130,
    };

    /// <summary>Trace sub-type names (Hubble's TraceObservationPoints), plus Palisade's connection-end.</summary>
    public static readonly IReadOnlyDictionary<string, int> TraceSubTypeNames = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["to-endpoint"] = 0,
        ["to-proxy"] = 1,
        ["to-host"] = 2,
        ["to-stack"] = 3,
        ["to-overlay"] = 4,
        ["from-endpoint"] = 5,
        ["from-proxy"] = 6,
        ["from-host"] = 7,
        ["from-stack"] = 8,
        ["from-overlay"] = 9,
        ["from-network"] = 10,
        ["to-network"] = 11,
        ["connection-end"] = TraceConnectionEnd,
    };

    /// <summary>The name of a trace sub-type, or its number when it has none.</summary>
    public static string TraceSubTypeName(int subType)
    {
        foreach (var (name, value) in TraceSubTypeNames)
        {
            if (value == subType)
            {
                return name;
            }
        }
        return subType.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Cilium's policy match type names (pkg/monitor/api PolicyMatchType).</summary>
    public static string PolicyMatchName(uint matchType) => matchType switch
    {
        0 => "none",
        1 => "L3-Only",
        2 => "L3-L4",
        3 => "L4-Only",
        4 => "all",
        5 => "L3-Proto",
        6 => "Proto-Only",
        _ => "unknown",
    };
}
