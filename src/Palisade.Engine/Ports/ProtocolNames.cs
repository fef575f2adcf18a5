namespace Palisade.Engine.Ports;

/// <summary>Protocol names as Kubernetes writes them (TCP, UDP, SCTP, ICMP, ICMPv6).</summary>
public static class ProtocolNames
{
    /// <summary>The Kubernetes spelling.</summary>
    public static string Name(Protocol p) => p switch
    {
        Protocol.Tcp => "TCP",
        Protocol.Udp => "UDP",
        Protocol.Sctp => "SCTP",
        Protocol.Icmp => "ICMP",
        _ => "ICMPv6",
    };

    /// <summary>Parses a protocol name, case-insensitively; false when unknown.</summary>
    public static bool TryParse(string text, out Protocol protocol)
    {
        protocol = text.ToUpperInvariant() switch
        {
            "TCP" => Protocol.Tcp,
            "UDP" => Protocol.Udp,
            "SCTP" => Protocol.Sctp,
            "ICMP" => Protocol.Icmp,
            "ICMPV6" => Protocol.IcmpV6,
            _ => 0,
        };
        return protocol != 0;
    }
}
