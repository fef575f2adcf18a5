using System.Buffers.Binary;

namespace Palisade.Observe.Kernel;

/// <summary>Reads the transport header that follows an IP header into <see cref="PacketHeaders"/>'s transport fields.</summary>
internal static class TransportParser
{
    private const byte Icmp = 1;
    private const byte Tcp = 6;
    private const byte Udp = 17;
    private const byte IcmpV6 = 58;
    private const byte Sctp = 132;

    /// <summary>
    /// <paramref name="ip"/> with the transport fields of its protocol read from <paramref name="header"/>; unchanged
    /// (no transport) when the protocol is another or the header is cut short.
    /// </summary>
    public static PacketHeaders Read(PacketHeaders ip, ReadOnlySpan<byte> header) => ip.Protocol switch
    {
        Tcp when header.Length >= 20 => WithPorts(ip, header) with
        {
            TcpFlags = (TcpFlags)(((header[12] & 1) << 8) | header[13]),
        },
        Udp when header.Length >= 8 => WithPorts(ip, header),
        Sctp when header.Length >= 12 => WithPorts(ip, header),
        Icmp when header.Length >= 8 => WithIcmp(ip, header, isEcho: header[0] is 0 or 8),
        IcmpV6 when header.Length >= 8 => WithIcmp(ip, header, isEcho: header[0] is 128 or 129),
        _ => ip,
    };

    private static PacketHeaders WithPorts(PacketHeaders ip, ReadOnlySpan<byte> header) => ip with
    {
        HasTransport = true,
        SourcePort = BinaryPrimitives.ReadUInt16BigEndian(header),
        DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(header[2..]),
    };

    private static PacketHeaders WithIcmp(PacketHeaders ip, ReadOnlySpan<byte> header, bool isEcho) => ip with
    {
        HasTransport = true,
        IcmpType = header[0],
        IcmpCode = header[1],
        IcmpId = isEcho ? BinaryPrimitives.ReadUInt16BigEndian(header[4..]) : (ushort)0,
    };
}
