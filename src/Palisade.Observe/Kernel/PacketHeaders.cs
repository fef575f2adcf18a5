using System.Net;

namespace Palisade.Observe.Kernel;

/// <summary>
/// The IP and transport headers of a packet, as numbers: addresses are big-endian values (10.0.0.1 is
/// 0x0A000001; see <see cref="SourceAddress"/> for objects). Transport fields are zero unless
/// <see cref="HasTransport"/>: a later fragment has no transport header, and a cut-short packet may lack it.
/// </summary>
public readonly record struct PacketHeaders
{
    /// <summary>The IP version: 4 or 6.</summary>
    public byte Version { get; init; }

    /// <summary>The source address's value (IPv4 in the low 32 bits).</summary>
    public UInt128 Source { get; init; }

    /// <summary>The destination address's value (IPv4 in the low 32 bits).</summary>
    public UInt128 Destination { get; init; }

    /// <summary>The transport protocol (6 TCP, 17 UDP, 132 SCTP, 1 ICMP, 58 ICMPv6, ...); for IPv6 the header after the extension headers.</summary>
    public byte Protocol { get; init; }

    /// <summary>The TTL (IPv4) or hop limit (IPv6).</summary>
    public byte Ttl { get; init; }

    /// <summary>The packet's length from its IP header (IPv6: payload length plus the 40-byte header).</summary>
    public int TotalLength { get; init; }

    /// <summary>The fragment's offset in bytes; 0 for an unfragmented packet or a first fragment.</summary>
    public int FragmentOffset { get; init; }

    /// <summary>Whether more fragments follow (the MF flag).</summary>
    public bool MoreFragments { get; init; }

    /// <summary>Whether the transport header of <see cref="Protocol"/> was present and read.</summary>
    public bool HasTransport { get; init; }

    /// <summary>The TCP, UDP or SCTP source port.</summary>
    public ushort SourcePort { get; init; }

    /// <summary>The TCP, UDP or SCTP destination port.</summary>
    public ushort DestinationPort { get; init; }

    /// <summary>The TCP flags; <see cref="TcpFlags.None"/> for other protocols.</summary>
    public TcpFlags TcpFlags { get; init; }

    /// <summary>The ICMP or ICMPv6 type.</summary>
    public byte IcmpType { get; init; }

    /// <summary>The ICMP or ICMPv6 code.</summary>
    public byte IcmpCode { get; init; }

    /// <summary>The identifier of an ICMP or ICMPv6 echo request or reply; 0 for other types.</summary>
    public ushort IcmpId { get; init; }

    /// <summary>Whether this is an IPv6 packet.</summary>
    public bool IsIPv6 => Version == 6;

    /// <summary>The source address as an object (allocates).</summary>
    public IPAddress SourceAddress => IpAddresses.ToIPAddress(Source, IsIPv6);

    /// <summary>The destination address as an object (allocates).</summary>
    public IPAddress DestinationAddress => IpAddresses.ToIPAddress(Destination, IsIPv6);

    /// <summary>
    /// Reads the headers of the IP packet at the start of <paramref name="ipPacket"/>. False when it is not a whole
    /// IPv4 or IPv6 header; never throws, whatever the bytes.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> ipPacket, out PacketHeaders headers) => PacketParser.TryParse(ipPacket, out headers);
}
