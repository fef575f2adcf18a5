using System.Net;

namespace Palisade.Observe.Kernel;

/// <summary>
/// One direction of a conntrack entry: addresses as big-endian values (IPv4 in the low 32 bits; see
/// <see cref="SourceAddress"/> for objects), protocol, and ports or ICMP type, code and id.
/// </summary>
public readonly record struct ConntrackTuple
{
    /// <summary>Whether the addresses are IPv6.</summary>
    public bool IsIPv6 { get; init; }

    /// <summary>The source address's value.</summary>
    public UInt128 Source { get; init; }

    /// <summary>The destination address's value.</summary>
    public UInt128 Destination { get; init; }

    /// <summary>The transport protocol (6 TCP, 17 UDP, 132 SCTP, 1 ICMP, 58 ICMPv6, ...).</summary>
    public byte Protocol { get; init; }

    /// <summary>The source port (TCP, UDP, SCTP, ...); 0 for ICMP.</summary>
    public ushort SourcePort { get; init; }

    /// <summary>The destination port (TCP, UDP, SCTP, ...); 0 for ICMP.</summary>
    public ushort DestinationPort { get; init; }

    /// <summary>The ICMP or ICMPv6 type.</summary>
    public byte IcmpType { get; init; }

    /// <summary>The ICMP or ICMPv6 code.</summary>
    public byte IcmpCode { get; init; }

    /// <summary>The ICMP or ICMPv6 echo identifier.</summary>
    public ushort IcmpId { get; init; }

    /// <summary>The source address as an object (allocates).</summary>
    public IPAddress SourceAddress => IpAddresses.ToIPAddress(Source, IsIPv6);

    /// <summary>The destination address as an object (allocates).</summary>
    public IPAddress DestinationAddress => IpAddresses.ToIPAddress(Destination, IsIPv6);
}
