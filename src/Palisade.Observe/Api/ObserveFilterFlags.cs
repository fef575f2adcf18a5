using System.Globalization;
using System.Net;
using Google.Protobuf.Reflection;
using Palisade.Observe.Flows;

namespace Palisade.Observe.Api;

/// <summary>The filter flags of <c>palisade observe</c> (Hubble's, plus <c>--policy</c>), each applied to a <see cref="FilterTracker"/>.</summary>
internal static class ObserveFilterFlags
{
    private static readonly string[] Protocols = ["tcp", "udp", "sctp", "icmp", "icmpv4", "icmpv6", "dns", "http"];

    /// <summary>The filter flag names, without dashes.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "uuid", "pod", "from-pod", "to-pod", "ip", "from-ip", "to-ip", "ipv4", "ipv6", "ip-version",
        "label", "from-label", "to-label", "namespace", "from-namespace", "to-namespace",
        "port", "from-port", "to-port", "identity", "from-identity", "to-identity",
        "workload", "from-workload", "to-workload", "verdict", "drop-reason", "drop-reason-desc", "type",
        "protocol", "traffic-direction", "node-name", "policy",
    };

    /// <summary>Applies the flag <paramref name="name"/> (no dashes) with its value to the tracker.</summary>
    public static void Set(FilterTracker t, string name, string? value)
    {
        t.Track(name);
        var v = value ?? "";
        switch (name)
        {
            case "uuid": t.Both(f => f.Uuid.Add(v)); break;
            case "pod": t.Left(f => f.SourcePod.Add(v)); t.Right(f => f.DestinationPod.Add(v)); break;
            case "from-pod": t.Both(f => f.SourcePod.Add(v)); break;
            case "to-pod": t.Both(f => f.DestinationPod.Add(v)); break;
            case "ip": Ip(name, v); t.Left(f => f.SourceIp.Add(v)); t.Right(f => f.DestinationIp.Add(v)); break;
            case "from-ip": Ip(name, v); t.Both(f => f.SourceIp.Add(v)); break;
            case "to-ip": Ip(name, v); t.Both(f => f.DestinationIp.Add(v)); break;
            case "ipv4": t.Both(f => f.IpVersion.Add(IPVersion.Ipv4)); break;
            case "ipv6": t.Both(f => f.IpVersion.Add(IPVersion.Ipv6)); break;
            case "ip-version": var ipv = IpVersion(v); t.Both(f => f.IpVersion.Add(ipv)); break;
            case "label": t.Left(f => f.SourceLabel.Add(v)); t.Right(f => f.DestinationLabel.Add(v)); break;
            case "from-label": t.Both(f => f.SourceLabel.Add(v)); break;
            case "to-label": t.Both(f => f.DestinationLabel.Add(v)); break;
            case "namespace": t.AddNamespace(null, v); break;
            case "from-namespace": t.AddNamespace("from", v); break;
            case "to-namespace": t.AddNamespace("to", v); break;
            case "port": Port(name, v); t.Left(f => f.SourcePort.Add(v)); t.Right(f => f.DestinationPort.Add(v)); break;
            case "from-port": Port(name, v); t.Both(f => f.SourcePort.Add(v)); break;
            case "to-port": Port(name, v); t.Both(f => f.DestinationPort.Add(v)); break;
            case "identity": var id = Identity(name, v); t.Left(f => f.SourceIdentity.Add(id)); t.Right(f => f.DestinationIdentity.Add(id)); break;
            case "from-identity": var sid = Identity(name, v); t.Both(f => f.SourceIdentity.Add(sid)); break;
            case "to-identity": var did = Identity(name, v); t.Both(f => f.DestinationIdentity.Add(did)); break;
            case "workload": t.Left(f => f.SourceWorkload.Add(Workload(v))); t.Right(f => f.DestinationWorkload.Add(Workload(v))); break;
            case "from-workload": t.Both(f => f.SourceWorkload.Add(Workload(v))); break;
            case "to-workload": t.Both(f => f.DestinationWorkload.Add(Workload(v))); break;
            case "verdict": var verdict = (Verdict)EnumValue(name, v, "Verdict"); t.Both(f => f.Verdict.Add(verdict)); break;
            case "drop-reason" or "drop-reason-desc": var reason = (DropReason)EnumValue(name, v, "DropReason"); t.Both(f => f.DropReasonDesc.Add(reason)); break;
            case "type": var type = EventType(name, v); t.Both(f => f.EventType.Add(type)); break;
            case "protocol": Protocol(name, v); t.Both(f => f.Protocol.Add(v)); break;
            case "traffic-direction": var dir = Direction(name, v); t.Both(f => f.TrafficDirection.Add(dir)); break;
            case "node-name": t.Both(f => f.NodeName.Add(v)); break;
            case "policy": t.Both(f => f.Policy.Add(v)); break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, "not a filter flag");
        }
        t.CheckNamespaceConflicts();
    }

    private static void Ip(string flag, string v)
    {
        if (v.Contains('/', StringComparison.Ordinal) ? !IPNetwork.TryParse(v, out _) : !IPAddress.TryParse(v, out _))
        {
            throw Bad(flag, v, "an IP address (10.0.0.1) or a CIDR (10.0.0.0/24)");
        }
    }

    private static void Port(string flag, string v)
    {
        if (!ushort.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw Bad(flag, v, "a port number from 0 to 65535");
        }
    }

    private static void Protocol(string flag, string v)
    {
        if (!Protocols.Contains(v.ToLowerInvariant()))
        {
            throw Bad(flag, v, "one of " + string.Join(", ", Protocols));
        }
    }

    private static uint Identity(string flag, string v) =>
        ReservedIdentities.TryParse(v, out var id) ? id : throw Bad(flag, v, $"a number or one of {string.Join(", ", ReservedIdentities.Names)}");

    private static IPVersion IpVersion(string v) => v.ToLowerInvariant() switch
    {
        "4" or "v4" or "ipv4" or "ip4" => IPVersion.Ipv4,
        "6" or "v6" or "ipv6" or "ip6" => IPVersion.Ipv6,
        _ => throw Bad("ip-version", v, "4 or 6"),
    };

    private static Workload Workload(string v)
    {
        var slash = v.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new Workload { Name = v } : new Workload { Kind = v[..slash], Name = v[(slash + 1)..] };
    }

    private static TrafficDirection Direction(string flag, string v) => v.ToLowerInvariant() switch
    {
        "ingress" => TrafficDirection.Ingress,
        "egress" => TrafficDirection.Egress,
        _ => throw Bad(flag, v, "ingress or egress"),
    };

    private static int EnumValue(string flag, string v, string enumName)
    {
        var type = FlowReflection.Descriptor.FindTypeByName<EnumDescriptor>(enumName);
        var value = type.Values.FirstOrDefault(x => string.Equals(x.Name, v, StringComparison.OrdinalIgnoreCase));
        return value?.Number ?? throw Bad(flag, v, "one of " + string.Join(", ", type.Values.Select(x => x.Name)));
    }

    private static EventTypeFilter EventType(string flag, string v)
    {
        var parts = v.Split(':', 2);
        var filter = new EventTypeFilter
        {
            Type = MonitorEvents.TypeNames.TryGetValue(parts[0], out var t) ? t
                : int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out t) ? t
                : throw Bad(flag, v, $"a number or one of {string.Join(", ", MonitorEvents.TypeNames.Keys)}, optionally type:subtype"),
        };
        if (parts.Length == 2)
        {
            filter.MatchSubType = true;
            filter.SubType = filter.Type == MonitorEvents.Trace && MonitorEvents.TraceSubTypeNames.TryGetValue(parts[1], out var s) ? s
                : int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out s) ? s
                : throw Bad(flag, v, $"a numeric sub-type, or for trace one of {string.Join(", ", MonitorEvents.TraceSubTypeNames.Keys)}");
        }
        return filter;
    }

    private static ObserveFlagException Bad(string flag, string value, string accepted) =>
        new("--" + flag, $"invalid --{flag} value \"{value}\": expected {accepted}");
}
