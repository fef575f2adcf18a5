using System.Globalization;

namespace Palisade.Observe.Flows;

/// <summary>A one-line summary of what a flow carried, for flows whose producer left <c>Summary</c> empty.</summary>
internal static class FlowSummary
{
    /// <summary><c>TCP SYN, ACK</c>, <c>UDP</c>, <c>ICMPv4 EchoRequest</c>, <c>HTTP/1.1 GET http://x/</c>, plus connection counters.</summary>
    public static string Of(Flow flow)
    {
        var text = flow.L7?.RecordCase switch
        {
            Layer7.RecordOneofCase.Http => $"{flow.L7.Http.Protocol} {flow.L7.Http.Method} {flow.L7.Http.Url}".Trim(),
            Layer7.RecordOneofCase.Dns => $"DNS {flow.L7.Dns.Query}".Trim(),
            _ => L4(flow.L4),
        };
        return flow.Counters is { } c ? $"{text} {Counters(c)}".Trim() : text;
    }

    /// <summary>The ICMPv4 type name, as gopacket's ICMPv4TypeCode (which Hubble's icmp metric uses).</summary>
    public static string IcmpV4Type(uint type, uint code) => type switch
    {
        0 => "EchoReply",
        3 => "DestinationUnreachable" + code switch
        {
            0 => "(Net)",
            1 => "(Host)",
            2 => "(Protocol)",
            3 => "(Port)",
            4 => "(FragmentationNeeded)",
            13 => "(CommAdminProhibited)",
            _ => $"(Code: {code})",
        },
        5 => "Redirect",
        8 => "EchoRequest",
        11 => "TimeExceeded",
        12 => "ParameterProblem",
        _ => type.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The ICMPv6 type name, as gopacket's ICMPv6TypeCode.</summary>
    public static string IcmpV6Type(uint type) => type switch
    {
        1 => "DestinationUnreachable",
        2 => "PacketTooBig",
        3 => "TimeExceeded",
        4 => "ParameterProblem",
        128 => "EchoRequest",
        129 => "EchoReply",
        133 => "RouterSolicitation",
        134 => "RouterAdvertisement",
        135 => "NeighborSolicitation",
        136 => "NeighborAdvertisement",
        _ => type.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The names of the TCP flags set, in Hubble's order (SYN, FIN, RST, PSH, ACK, URG, ECE, CWR, NS).</summary>
    public static IEnumerable<string> TcpFlags(TCPFlags? f)
    {
        if (f is null)
        {
            yield break;
        }
        (bool Set, string Name)[] all = [(f.SYN, "SYN"), (f.FIN, "FIN"), (f.RST, "RST"), (f.PSH, "PSH"), (f.ACK, "ACK"),
            (f.URG, "URG"), (f.ECE, "ECE"), (f.CWR, "CWR"), (f.NS, "NS")];
        foreach (var (set, name) in all)
        {
            if (set)
            {
                yield return name;
            }
        }
    }

    private static string L4(Layer4? l4) => l4?.ProtocolCase switch
    {
        Layer4.ProtocolOneofCase.TCP => $"TCP {string.Join(", ", TcpFlags(l4.TCP.Flags))}".TrimEnd(),
        Layer4.ProtocolOneofCase.UDP => "UDP",
        Layer4.ProtocolOneofCase.SCTP => "SCTP",
        Layer4.ProtocolOneofCase.ICMPv4 => "ICMPv4 " + IcmpV4Type(l4.ICMPv4.Type, l4.ICMPv4.Code),
        Layer4.ProtocolOneofCase.ICMPv6 => "ICMPv6 " + IcmpV6Type(l4.ICMPv6.Type),
        _ => "",
    };

    private static string Counters(ConnectionCounters c)
    {
        var duration = c.Duration is { } d
            ? string.Create(CultureInfo.InvariantCulture, $", {d.ToTimeSpan().TotalSeconds:0.###}s")
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"({c.PacketsOriginal} packets {c.BytesOriginal} bytes sent, {c.PacketsReply} packets {c.BytesReply} bytes back{duration})");
    }
}
