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

    /// <summary>
    /// Counts a flow in every metric it belongs to. The counters a flow increments depend only on its shape (event
    /// type, verdict, reasons, protocol, flags, port, direction, context labels), so they are looked up once per shape
    /// and kept: a flow then costs a dictionary lookup and a few increments (the cache is emptied past 100,000 shapes).
    /// </summary>
    public void Observe(Flow flow)
    {
        var ctx = context.Values(flow);
        var key = new Shape(flow, ctx);
        Counter.Child[]? counters;
        lock (gate)
        {
            if (!children.TryGetValue(key, out counters))
            {
                if (children.Count >= MaxShapes) children.Clear();
                children[key] = counters = Children(flow, ctx);
            }
        }
        foreach (var counter in counters) counter.Inc();
    }

    private const int MaxShapes = 100_000;
    private readonly Dictionary<Shape, Counter.Child[]> children = [];
    private readonly Lock gate = new();

    private Counter.Child[] Children(Flow flow, string[] ctx)
    {
        var list = new List<Counter.Child>();
        var (type, subtype) = TypeOf(flow);
        list.Add(flows.WithLabels([type, subtype, FlowText.EnumName(flow.Verdict), .. ctx]));
        if (flow.Verdict == Verdict.Dropped)
        {
            list.Add(drops.WithLabels([FlowText.EnumName(flow.DropReasonDesc), Protocol(flow), .. ctx]));
        }
        ObservePolicyVerdict(flow, ctx, list);
        ObserveTcpFlags(flow, ctx, list);
        ObserveIcmp(flow, ctx, list);
        ObservePort(flow, ctx, list);
        return [.. list];
    }

    /// <summary>Everything of a flow the metrics' labels are made from.</summary>
    private readonly record struct Shape(int Type, int SubType, int L7, Verdict Verdict, DropReason Reason, int L4, uint Flags, uint Icmp, uint Port,
        bool? Reply, TrafficDirection Direction, uint Match, uint SourceIdentity, uint DestinationIdentity, IPVersion Family, string? Context0, string? Context1)
    {
        public Shape(Flow f, string[] ctx)
            : this(f.EventType?.Type ?? -1, f.EventType?.SubType ?? -1, (int)(f.L7?.RecordCase ?? 0), f.Verdict, f.DropReasonDesc, (int)(f.L4?.ProtocolCase ?? 0),
                FlagBits(f.L4?.TCP?.Flags), IcmpBits(f.L4), FlowPorts.Destination(f) ?? 0, f.IsReply, f.TrafficDirection, f.PolicyMatchType,
                f.Source?.Identity ?? 0, f.Destination?.Identity ?? 0, f.IP?.IpVersion ?? IPVersion.IpNotUsed, ctx.Length > 0 ? ctx[0] : null, ctx.Length > 1 ? ctx[1] : null)
        {
        }

        private static uint FlagBits(TCPFlags? t) => t is null ? 0 : (t.FIN ? 1u : 0) | (t.SYN ? 2u : 0) | (t.RST ? 4u : 0) | (t.ACK ? 8u : 0);

        private static uint IcmpBits(Layer4? l4) => l4?.ICMPv4 is { } v4 ? 0x10000 | (v4.Type << 8) | v4.Code : l4?.ICMPv6 is { } v6 ? 0x20000 | (v6.Type << 8) | v6.Code : 0;
    }

    /// <summary>Counts events lost at the notice's source.</summary>
    public void ObserveLost(LostEvent notice) =>
        lost.WithLabels(FlowText.EnumName(notice.Source).ToLowerInvariant()).Inc(notice.NumEventsLost);

    private void ObservePolicyVerdict(Flow flow, string[] ctx, List<Counter.Child> list)
    {
        var src = flow.Source?.Identity ?? 0;
        var dst = flow.Destination?.Identity ?? 0;
        if (flow.EventType?.Type != MonitorEvents.PolicyVerdict || src == 1 || src == 4 || dst == 4)
        {
            return;
        }
        list.Add(policyVerdicts.WithLabels([
            FlowText.EnumName(flow.TrafficDirection).ToLowerInvariant(),
            MonitorEvents.PolicyMatchName(flow.PolicyMatchType).ToLowerInvariant(),
            FlowText.EnumName(flow.Verdict).ToLowerInvariant(),
            .. ctx]));
    }

    private void ObserveTcpFlags(Flow flow, string[] ctx, List<Counter.Child> list)
    {
        if (flow.Verdict != Verdict.Forwarded || flow.L4?.TCP?.Flags is not { } f || flow.IP is null)
        {
            return;
        }
        var family = FlowText.EnumName(flow.IP.IpVersion);
        foreach (var flag in new[] { f.FIN ? "FIN" : null, f.SYN ? (f.ACK ? "SYN-ACK" : "SYN") : null, f.RST ? "RST" : null }.OfType<string>())
        {
            list.Add(tcpFlags.WithLabels([flag, family, .. ctx]));
        }
    }

    private void ObserveIcmp(Flow flow, string[] ctx, List<Counter.Child> list)
    {
        if (flow.L4?.ICMPv4 is { } v4)
        {
            list.Add(icmp.WithLabels(["IPv4", FlowSummary.IcmpV4Type(v4.Type, v4.Code), .. ctx]));
        }
        else if (flow.L4?.ICMPv6 is { } v6)
        {
            list.Add(icmp.WithLabels(["IPv6", FlowSummary.IcmpV6Type(v6.Type), .. ctx]));
        }
    }

    private void ObservePort(Flow flow, string[] ctx, List<Counter.Child> list)
    {
        if (flow.Verdict is not (Verdict.Forwarded or Verdict.Redirected) || flow.IsReply is not false || flow.L4 is null)
        {
            return;
        }
        var port = FlowPorts.Destination(flow)?.ToString(CultureInfo.InvariantCulture) ?? "0";
        list.Add(ports.WithLabels([L4Protocol(flow), port, .. ctx]));
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
