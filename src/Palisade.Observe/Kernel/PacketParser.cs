using System.Buffers.Binary;

namespace Palisade.Observe.Kernel;

/// <summary>
/// The reading behind <see cref="PacketHeaders.TryParse"/>: the IPv4 header with options, or the IPv6 header and
/// its extension headers, then the transport header. Every read is bounds-checked against the captured bytes.
/// </summary>
internal static class PacketParser
{
    private const byte HopByHop = 0;
    private const byte Routing = 43;
    private const byte Fragment = 44;
    private const byte Authentication = 51;
    private const byte DestinationOptions = 60;
    private const int MaxExtensionHeaders = 8;

    /// <summary>See <see cref="PacketHeaders.TryParse"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out PacketHeaders headers)
    {
        headers = default;
        if (packet.IsEmpty) return false;
        return (packet[0] >> 4) switch
        {
            4 => TryParseIPv4(packet, out headers),
            6 => TryParseIPv6(packet, out headers),
            _ => false,
        };
    }

    private static bool TryParseIPv4(ReadOnlySpan<byte> packet, out PacketHeaders headers)
    {
        headers = default;
        var headerLength = (packet[0] & 0x0f) * 4;
        if (headerLength < 20 || packet.Length < headerLength) return false;
        var totalLength = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        var fragment = BinaryPrimitives.ReadUInt16BigEndian(packet[6..]);
        var ip = new PacketHeaders
        {
            Version = 4,
            TotalLength = totalLength,
            FragmentOffset = (fragment & 0x1fff) * 8,
            MoreFragments = (fragment & 0x2000) != 0,
            Ttl = packet[8],
            Protocol = packet[9],
            Source = BinaryPrimitives.ReadUInt32BigEndian(packet[12..]),
            Destination = BinaryPrimitives.ReadUInt32BigEndian(packet[16..]),
        };
        var end = totalLength >= headerLength ? Math.Min(totalLength, packet.Length) : packet.Length;
        headers = ip.FragmentOffset == 0 ? TransportParser.Read(ip, packet[headerLength..end]) : ip;
        return true;
    }

    private static bool TryParseIPv6(ReadOnlySpan<byte> packet, out PacketHeaders headers)
    {
        headers = default;
        if (packet.Length < 40) return false;
        var payloadLength = BinaryPrimitives.ReadUInt16BigEndian(packet[4..]);
        var ip = new PacketHeaders
        {
            Version = 6,
            TotalLength = payloadLength + 40,
            Ttl = packet[7],
            Source = BinaryPrimitives.ReadUInt128BigEndian(packet[8..]),
            Destination = BinaryPrimitives.ReadUInt128BigEndian(packet[24..]),
        };
        var next = packet[6];
        var rest = packet[40..];
        for (var i = 0; i < MaxExtensionHeaders && IsExtension(next); i++)
        {
            if (!TrySkipExtension(ref ip, ref next, ref rest)) break;
        }
        ip = ip with { Protocol = next };
        headers = ip.FragmentOffset == 0 && !IsExtension(next) ? TransportParser.Read(ip, rest) : ip;
        return true;
    }

    private static bool IsExtension(byte next) => next is HopByHop or Routing or Fragment or Authentication or DestinationOptions;

    private static bool TrySkipExtension(ref PacketHeaders ip, ref byte next, ref ReadOnlySpan<byte> rest)
    {
        if (rest.Length < 8) return false;
        var length = next switch
        {
            Fragment => 8,
            Authentication => (rest[1] + 2) * 4,
            _ => (rest[1] + 1) * 8,
        };
        if (rest.Length < length) return false;
        if (next == Fragment)
        {
            var offset = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
            ip = ip with { FragmentOffset = offset & 0xfff8, MoreFragments = (offset & 1) != 0 };
        }
        next = rest[0];
        rest = rest[length..];
        return true;
    }
}
