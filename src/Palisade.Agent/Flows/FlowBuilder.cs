using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;
using Palisade.Agent.Compilation;
using Palisade.Engine.Ir;
using Palisade.Engine.Verdicts;
using Palisade.Observe.Flows;
using Palisade.Observe.Kernel;
using FlowEndpoint = Palisade.Observe.Flows.Endpoint;
using FlowPolicy = Palisade.Observe.Flows.Policy;
using Verdict = Palisade.Observe.Flows.Verdict;

namespace Palisade.Agent.Flows;

/// <summary>
/// Turns one packet a verdict chain logged into a Hubble-like <see cref="Flow"/>: the verdict and the rules behind it
/// come from the log prefix's verdict number (what the kernel itself went through), the endpoints from the addresses.
/// What is the same for many flows — an endpoint, a verdict's policies, a set of TCP flags — is built once and shared
/// by the flows (they are never changed once built), so a flow costs little more than its own fields.
/// </summary>
public static class FlowBuilder
{
    private static readonly ConditionalWeakTable<FlowPeer, FlowEndpoint> Endpoints = [];
    private static readonly ConcurrentDictionary<uint, FlowEndpoint> WorldEndpoints = new();
    private static readonly ConditionalWeakTable<VerdictRule, FlowPolicies> Policies = [];
    private static readonly TCPFlags?[] Flags = new TCPFlags?[512];

    /// <summary>Cilium's monitor event type of a drop.</summary>
    public const int DropEvent = 1;

    /// <summary>Cilium's monitor event type of a policy verdict.</summary>
    public const int PolicyVerdictEvent = 5;

    /// <summary>
    /// The flow of a packet with headers <paramref name="headers"/> seen at <paramref name="time"/> under verdict
    /// <paramref name="verdict"/> (null when the number is not known to this agent: an event from before a restart).
    /// </summary>
    public static Flow Build(in PacketHeaders headers, DateTime time, uint number, VerdictRule? verdict, FlowDirectory directory)
    {
        var flow = new Flow
        {
            Time = Timestamp.FromDateTime(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            Uuid = Guid.CreateVersion7(time).ToString(),
            Type = FlowType.L3L4,
            NodeName = directory.Node,
            IP = new IP { Source = Text(headers.IsIPv6, headers.Source, headers.SourceAddress), Destination = Text(headers.IsIPv6, headers.Destination, headers.DestinationAddress), IpVersion = headers.IsIPv6 ? IPVersion.Ipv6 : IPVersion.Ipv4 },
            L4 = Layer4Of(headers.Protocol, headers.SourcePort, headers.DestinationPort, headers.TcpFlags, headers.IcmpType, headers.IcmpCode),
            Source = EndpointOf(headers.IsIPv6 ? FlowPeer.World(0) : directory.Find(V4(headers.Source))),
            Destination = EndpointOf(headers.IsIPv6 ? FlowPeer.World(0) : directory.Find(V4(headers.Destination))),
            IsReply = false,   // policy chains see only the first packets of connections
        };
        Decide(flow, number, verdict);
        return flow;
    }

    /// <summary>
    /// The flow of a connection's end, from conntrack's DESTROY event in the node's namespace: Cilium's trace event
    /// (type 4) with Palisade's sub-type 100 (connection end), forwarded, with both directions' packet and byte counts
    /// and the connection's duration when the kernel accounts them.
    /// </summary>
    public static Flow ConnectionEnd(in ConntrackEvent e, DateTime now, FlowDirectory directory)
    {
        var o = e.Original;
        var flow = new Flow
        {
            Time = Timestamp.FromDateTime(DateTime.SpecifyKind(e.Stopped ?? now, DateTimeKind.Utc)),
            Uuid = Guid.CreateVersion7(now).ToString(),
            Type = FlowType.L3L4,
            NodeName = directory.Node,
            Verdict = Verdict.Forwarded,
            EventType = ConnectionEndType,
            IP = new IP { Source = Text(o.IsIPv6, o.Source, o.SourceAddress), Destination = Text(o.IsIPv6, o.Destination, o.DestinationAddress), IpVersion = o.IsIPv6 ? IPVersion.Ipv6 : IPVersion.Ipv4 },
            L4 = Layer4Of(o.Protocol, o.SourcePort, o.DestinationPort, null, o.IcmpType, o.IcmpCode),
            Source = EndpointOf(o.IsIPv6 ? FlowPeer.World(0) : directory.Find(V4(o.Source))),
            Destination = EndpointOf(o.IsIPv6 ? FlowPeer.World(0) : directory.Find(V4(o.Destination))),
            IsReply = false,
        };
        if (e.HasCounters)
        {
            flow.Counters = new ConnectionCounters { PacketsOriginal = e.OriginalPackets, BytesOriginal = e.OriginalBytes, PacketsReply = e.ReplyPackets, BytesReply = e.ReplyBytes };
            if (e.Started is { } start && e.Stopped is { } stop) flow.Counters.Duration = Duration.FromTimeSpan(stop - start);
        }
        return flow;
    }

    private static readonly CiliumEventType ConnectionEndType = new() { Type = 4, SubType = 100 };

    private static void Decide(Flow flow, uint number, VerdictRule? verdict)
    {
        if (number is VerdictNumbering.UnprogrammedEgress or VerdictNumbering.UnprogrammedIngress)
        {
            flow.TrafficDirection = number == VerdictNumbering.UnprogrammedEgress ? TrafficDirection.Egress : TrafficDirection.Ingress;
            Drop(flow, DropReason.NoConfigurationAvailableToPerformPolicyDecision);
            return;
        }
        if (verdict is null)
        {
            flow.Verdict = Verdict.Error;
            flow.Summary = $"verdict {number} is not known to this agent (logged before it restarted)";
            return;
        }
        var egress = verdict.Direction == Direction.Egress;
        flow.TrafficDirection = egress ? TrafficDirection.Egress : TrafficDirection.Ingress;
        var decision = verdict.Decision;
        var policies = Policies.GetValue(verdict, v => new FlowPolicies(v.Decision.DecidedBy.Select(PolicyOf).ToList(), v.Decision.IsolatedBy.Select(PolicyOf).ToList()));
        switch (decision.Reason)
        {
            case SideReason.DeniedByRule:
                Drop(flow, DropReason.PolicyDeny);
                (egress ? flow.EgressDeniedBy : flow.IngressDeniedBy).AddRange(policies.Rules);
                break;
            case SideReason.DefaultDeny:
                Drop(flow, DropReason.PolicyDenied);
                (egress ? flow.EgressIsolatedBy : flow.IngressIsolatedBy).AddRange(policies.Isolating);
                break;
            case SideReason.Audit:
                // Let through; named as the drop it would be (Cilium's AUDIT verdict with the would-be reason).
                flow.Verdict = Verdict.Audit;
                flow.DropReasonDesc = decision.WouldBe == SideReason.DeniedByRule ? DropReason.PolicyDeny : DropReason.PolicyDenied;
                flow.EventType = PolicyVerdictType;
                if (decision.WouldBe == SideReason.DeniedByRule) (egress ? flow.EgressDeniedBy : flow.IngressDeniedBy).AddRange(policies.Rules);
                else (egress ? flow.EgressIsolatedBy : flow.IngressIsolatedBy).AddRange(policies.Isolating);
                break;
            default:
                flow.Verdict = Verdict.Forwarded;
                flow.EventType = PolicyVerdictType;
                flow.PolicyMatchType = PolicyMatch(decision.DecidedBy);
                (egress ? flow.EgressAllowedBy : flow.IngressAllowedBy).AddRange(policies.Rules);
                break;
        }
        if (decision.DecidedBy.Any(h => h.Log is not null)) flow.PolicyLog.AddRange(decision.DecidedBy.Select(h => h.Log).OfType<string>().Distinct(StringComparer.Ordinal));
    }

    private static readonly CiliumEventType PolicyVerdictType = new() { Type = PolicyVerdictEvent };

    /// <summary>An address as text (IPv4 formatted straight from its number, with no IPAddress in between).</summary>
    private static string Text(bool ipv6, UInt128 address, System.Net.IPAddress fallback) => ipv6 ? fallback.ToString() : Dotted(V4(address));

    private static string Dotted(uint a) => string.Create(null, stackalloc char[15], $"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}");

    /// <summary>Cilium's policy match type of an allow: what the deciding rule named (1 L3-only, 2 L3-L4, 3 L4-only, 4 all; 0 none when no rule decided).</summary>
    private static uint PolicyMatch(IReadOnlyList<RuleHit> hits) => hits.Count == 0 ? 0u : (hits[0].AnyPeer, hits[0].AnyPort) switch
    {
        (false, true) => 1,
        (false, false) => 2,
        (true, false) => 3,
        _ => 4,
    };

    private static readonly ConcurrentDictionary<DropReason, CiliumEventType> DropTypes = new();

    private static void Drop(Flow flow, DropReason reason)
    {
        flow.Verdict = Verdict.Dropped;
        flow.DropReasonDesc = reason;
        flow.EventType = DropTypes.GetOrAdd(reason, r => new CiliumEventType { Type = DropEvent, SubType = (int)r });
    }

    /// <summary>The L4 part of a flow (TCP flags only from a logged packet: conntrack's tuples have none).</summary>
    private static Layer4 Layer4Of(byte protocol, ushort sourcePort, ushort destinationPort, TcpFlags? flags, byte icmpType, byte icmpCode) => protocol switch
    {
        6 => new Layer4 { TCP = new TCP { SourcePort = sourcePort, DestinationPort = destinationPort, Flags = flags is { } f ? FlagsOf(f) : null } },
        17 => new Layer4 { UDP = new UDP { SourcePort = sourcePort, DestinationPort = destinationPort } },
        132 => new Layer4 { SCTP = new SCTP { SourcePort = sourcePort, DestinationPort = destinationPort } },
        1 => new Layer4 { ICMPv4 = new ICMPv4 { Type = icmpType, Code = icmpCode } },
        58 => new Layer4 { ICMPv6 = new ICMPv6 { Type = icmpType, Code = icmpCode } },
        _ => new Layer4(),
    };

    private static TCPFlags FlagsOf(TcpFlags f) => Flags[(int)f & 511] ??= NewFlags(f);

    private static TCPFlags NewFlags(TcpFlags f) => new()
    {
        FIN = f.HasFlag(TcpFlags.Fin), SYN = f.HasFlag(TcpFlags.Syn), RST = f.HasFlag(TcpFlags.Rst), PSH = f.HasFlag(TcpFlags.Psh),
        ACK = f.HasFlag(TcpFlags.Ack), URG = f.HasFlag(TcpFlags.Urg), ECE = f.HasFlag(TcpFlags.Ece), CWR = f.HasFlag(TcpFlags.Cwr), NS = f.HasFlag(TcpFlags.Ns),
    };

    private static FlowEndpoint EndpointOf(FlowPeer peer) => peer.Pod is null && peer.Node is null
        ? WorldEndpoints.GetOrAdd(peer.Identity, _ => NewEndpoint(peer))
        : Endpoints.GetValue(peer, NewEndpoint);

    private static FlowEndpoint NewEndpoint(FlowPeer peer)
    {
        var endpoint = new FlowEndpoint { ID = peer.Identity, Identity = peer.Identity, Namespace = peer.Namespace ?? "", PodName = peer.Pod ?? "" };
        endpoint.Labels.AddRange(peer.Labels);
        if (peer.Workload is { } w) endpoint.Workloads.Add(new Workload { Name = w.Name, Kind = w.Kind });
        return endpoint;
    }

    private static FlowPolicy PolicyOf(RuleHit hit)
    {
        var policy = PolicyOf(hit.Policy);
        policy.Tier = hit.Tier;
        policy.RuleIndex = hit.RuleIndex;
        policy.Rule = hit.Rule;
        policy.Action = hit.Action.ToString().ToLowerInvariant();
        if (hit.Log is { } log) policy.Log = log;
        return policy;
    }

    private static FlowPolicy PolicyOf(PolicyRef p)
    {
        var policy = new FlowPolicy { Kind = p.Kind, Name = p.Name, Namespace = p.Namespace ?? "" };
        policy.Labels.Add($"k8s:io.cilium.k8s.policy.derived-from={p.Kind}");
        policy.Labels.Add($"k8s:io.cilium.k8s.policy.name={p.Name}");
        if (p.Namespace is { } ns) policy.Labels.Add($"k8s:io.cilium.k8s.policy.namespace={ns}");
        return policy;
    }

    private static uint V4(UInt128 address) => (uint)address;

    /// <summary>A verdict's policies as flows name them, built once per verdict.</summary>
    private sealed record FlowPolicies(List<FlowPolicy> Rules, List<FlowPolicy> Isolating);
}
