using Google.Protobuf.WellKnownTypes;
using Palisade.Observe.Flows;

namespace Palisade.Observe.Tests.Flows;

/// <summary>Flows for tests: a TCP policy verdict from default/xwing to default/deathstar-6f8d:80 unless told otherwise.</summary>
internal static class TestFlows
{
    public static readonly DateTime BaseTime = new(2024, 11, 23, 18, 1, 2, 123, DateTimeKind.Utc);

    public static Flow Tcp(
        string src = "default/xwing",
        string dst = "default/deathstar-6f8d",
        uint sport = 43512,
        uint dport = 80,
        Verdict verdict = Verdict.Forwarded,
        TrafficDirection direction = TrafficDirection.Egress,
        int eventType = MonitorEvents.PolicyVerdict,
        int second = 0,
        bool? reply = false,
        string srcIp = "10.0.0.1",
        string dstIp = "10.0.1.2",
        uint srcId = 28730,
        uint dstId = 5213,
        string node = "node-a",
        TCPFlags? flags = null)
    {
        var flow = new Flow
        {
            Time = Timestamp.FromDateTime(BaseTime.AddSeconds(second)),
            Uuid = Guid.NewGuid().ToString(),
            Verdict = verdict,
            IP = new IP { Source = srcIp, Destination = dstIp, IpVersion = srcIp.Contains(':') ? IPVersion.Ipv6 : IPVersion.Ipv4 },
            L4 = new Layer4 { TCP = new TCP { SourcePort = sport, DestinationPort = dport, Flags = flags ?? new TCPFlags { SYN = true } } },
            Source = Endpoint(src, srcId),
            Destination = Endpoint(dst, dstId),
            Type = FlowType.L3L4,
            NodeName = node,
            EventType = new CiliumEventType { Type = eventType },
            TrafficDirection = direction,
            PolicyMatchType = eventType == MonitorEvents.PolicyVerdict ? 2u : 0u,
            IsReply = reply,
        };
        if (verdict == Verdict.Dropped)
        {
            flow.DropReasonDesc = DropReason.PolicyDenied;
        }
        return flow;
    }

    /// <summary>An endpoint from <c>ns/pod</c> (labels <c>k8s:app=&lt;pod without suffix&gt;</c> and the namespace label), or a bare one for "".</summary>
    public static Endpoint Endpoint(string nsPod, uint identity)
    {
        var ep = new Endpoint { Identity = identity };
        if (nsPod.Length == 0)
        {
            return ep;
        }
        var (ns, pod) = (nsPod.Split('/')[0], nsPod.Split('/')[1]);
        ep.Namespace = ns;
        ep.PodName = pod;
        ep.Labels.Add($"k8s:app={pod.Split('-')[0]}");
        ep.Labels.Add($"k8s:io.kubernetes.pod.namespace={ns}");
        ep.Workloads.Add(new Workload { Kind = "Deployment", Name = pod.Split('-')[0] });
        return ep;
    }

    public static Palisade.Observe.Flows.Policy Policy(string ns, string name, string kind = "CiliumNetworkPolicy", int? rule = null)
    {
        var p = new Palisade.Observe.Flows.Policy { Namespace = ns, Name = name, Kind = kind };
        if (rule is { } r)
        {
            p.RuleIndex = r;
        }
        return p;
    }

    public static Flow WithUuid(this Flow flow, int index)
    {
        flow.Uuid = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return flow;
    }

    public static Flow WithTime(this Flow flow, int second)
    {
        flow.Time = Timestamp.FromDateTime(BaseTime.AddSeconds(second));
        return flow;
    }
}
