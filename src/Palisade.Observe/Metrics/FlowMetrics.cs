using System.Globalization;
using Palisade.Observe.Flows;
using Prometheus;

namespace Palisade.Observe.Metrics;

/// <summary>
/// Hubble's flow metrics under the <c>palisade_</c> prefix (same labels and rules as <c>hubble_*</c>; see
/// README.md beside this file), in a registry of their own so several agents or tests in one process do not
/// share counters. Feed every flow to <see cref="Observe"/> and every lost-events notice to <see cref="ObserveLost"/>;
/// serve <see cref="Registry"/> with <c>ObserverServer</c>.
/// </summary>
internal sealed class FlowMetrics
{
    private readonly MetricContext context;
    private readonly Counter flows;
    private readonly Counter drops;
    private readonly Counter policyVerdicts;
    private readonly Counter tcpFlags;
    private readonly Counter icmp;
    private readonly Counter ports;
    private readonly Counter lost;

    /// <summary>Creates the counters; throws <see cref="ArgumentException"/> for an unknown context identifier.</summary>
    public FlowMetrics(FlowMetricsOptions? options = null)
    {
        context = new MetricContext(options ?? new FlowMetricsOptions());
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        Counter Make(string name, string help, params string[] labels) =>
            factory.CreateCounter("palisade_" + name, help, [.. labels, .. context.LabelNames]);
        flows = Make("flows_processed_total", "Total number of flows processed", "type", "subtype", "verdict");
        drops = Make("drop_total", "Number of drops", "reason", "protocol");
        policyVerdicts = Make("policy_verdicts_total", "Total number of network policy verdicts", "direction", "match", "action");
        tcpFlags = Make("tcp_flags_total", "TCP flag occurrences", "flag", "family");
        icmp = Make("icmp_total", "Number of ICMP messages", "family", "type");
        ports = Make("port_distribution_total", "Numbers of packets distributed by destination port", "protocol", "port");
        lost = factory.CreateCounter("palisade_lost_events_total", "Number of lost events", "source");
    }

    /// <summary>The registry holding these metrics.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Counts a flow in every metric it belongs to.</summary>
    public void Observe(Flow flow)
    {
        var ctx = context.Values(flow);
        var (type, subtype) = TypeOf(flow);
        flows.WithLabels([type, subtype, FlowText.EnumName(flow.Verdict), .. ctx]).Inc();
        if (flow.Verdict == Verdict.Dropped)
        {
            drops.WithLabels([FlowText.EnumName(flow.DropReasonDesc), Protocol(flow), .. ctx]).Inc();
        }
        ObservePolicyVerdict(flow, ctx);
        ObserveTcpFlags(flow, ctx);
        ObserveIcmp(flow, ctx);
        ObservePort(flow, ctx);
    }

    /// <summary>Counts events lost at the notice's source.</summary>
    public void ObserveLost(LostEvent notice) =>
        lost.WithLabels(FlowText.EnumName(notice.Source).ToLowerInvariant()).Inc(notice.NumEventsLost);

    private void ObservePolicyVerdict(Flow flow, string[] ctx)
    {
        var src = flow.Source?.Identity ?? 0;
        var dst = flow.Destination?.Identity ?? 0;
        if (flow.EventType?.Type != MonitorEvents.PolicyVerdict || src == 1 || src == 4 || dst == 4)
        {
            return;
        }
        policyVerdicts.WithLabels([
            FlowText.EnumName(flow.TrafficDirection).ToLowerInvariant(),
            MonitorEvents.PolicyMatchName(flow.PolicyMatchType).ToLowerInvariant(),
            FlowText.EnumName(flow.Verdict).ToLowerInvariant(),
            .. ctx]).Inc();
    }

    private void ObserveTcpFlags(Flow flow, string[] ctx)
    {
        if (flow.Verdict != Verdict.Forwarded || flow.L4?.TCP?.Flags is not { } f || flow.IP is null)
        {
            return;
        }
        var family = FlowText.EnumName(flow.IP.IpVersion);
        foreach (var flag in new[] { f.FIN ? "FIN" : null, f.SYN ? (f.ACK ? "SYN-ACK" : "SYN") : null, f.RST ? "RST" : null }.OfType<string>())
        {
            tcpFlags.WithLabels([flag, family, .. ctx]).Inc();
        }
    }

    private void ObserveIcmp(Flow flow, string[] ctx)
    {
        if (flow.L4?.ICMPv4 is { } v4)
        {
            icmp.WithLabels(["IPv4", FlowSummary.IcmpV4Type(v4.Type, v4.Code), .. ctx]).Inc();
        }
        else if (flow.L4?.ICMPv6 is { } v6)
        {
            icmp.WithLabels(["IPv6", FlowSummary.IcmpV6Type(v6.Type), .. ctx]).Inc();
        }
    }

    private void ObservePort(Flow flow, string[] ctx)
    {
        if (flow.Verdict is not (Verdict.Forwarded or Verdict.Redirected) || flow.IsReply is not false || flow.L4 is null)
        {
            return;
        }
        var port = FlowPorts.Destination(flow)?.ToString(CultureInfo.InvariantCulture) ?? "0";
        ports.WithLabels([L4Protocol(flow), port, .. ctx]).Inc();
    }

    private static (string Type, string SubType) TypeOf(Flow flow) => flow.EventType?.Type switch
    {
        MonitorEvents.L7 => ("L7", flow.L7?.RecordCase switch
        {
            Layer7.RecordOneofCase.Dns => "DNS",
            Layer7.RecordOneofCase.Http => "HTTP",
            _ => "",
        }),
        MonitorEvents.Drop => ("Drop", ""),
        MonitorEvents.Trace => ("Trace", MonitorEvents.TraceSubTypeName(flow.EventType.SubType)),
        MonitorEvents.PolicyVerdict => ("PolicyVerdict", ""),
        var other => ("Unknown", (other ?? 0).ToString(CultureInfo.InvariantCulture)),
    };

    private static string Protocol(Flow flow) => flow.L7?.RecordCase switch
    {
        Layer7.RecordOneofCase.Dns => "DNS",
        Layer7.RecordOneofCase.Http => "HTTP",
        _ => L4Protocol(flow),
    };

    private static string L4Protocol(Flow flow) => flow.L4?.ProtocolCase switch
    {
        Layer4.ProtocolOneofCase.TCP => "TCP",
        Layer4.ProtocolOneofCase.UDP => "UDP",
        Layer4.ProtocolOneofCase.SCTP => "SCTP",
        Layer4.ProtocolOneofCase.ICMPv4 => "ICMPv4",
        Layer4.ProtocolOneofCase.ICMPv6 => "ICMPv6",
        _ => "Unknown",
    };
}
