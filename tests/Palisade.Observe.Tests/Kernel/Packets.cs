using System.Buffers.Binary;
using Palisade.Observe.Kernel;

namespace Palisade.Observe.Tests.Kernel;

/// <summary>Hand-built IP packets for the header parser's tests (checksums left zero: the parser does not check them).</summary>
internal static class Packets
{
    /// <summary>An IPv4 packet 10.1.2.3 → 10.4.5.6 carrying <paramref name="l4"/>, with <paramref name="optionWords"/> 4-byte option words.</summary>
    public static byte[] IPv4(byte protocol, byte[] l4, int optionWords = 0, ushort fragment = 0, byte ttl = 64)
    {
        var headerLength = 20 + (optionWords * 4);
        var packet = new byte[headerLength + l4.Length];
        packet[0] = (byte)(0x40 | (headerLength / 4));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(6), fragment);
        packet[8] = ttl;
        packet[9] = protocol;
        new byte[] { 10, 1, 2, 3, 10, 4, 5, 6 }.CopyTo(packet, 12);
        for (var i = 20; i < headerLength; i++) packet[i] = 1;
        l4.CopyTo(packet, headerLength);
        return packet;
    }

    /// <summary>An IPv6 packet 2001:db8::1 → 2001:db8::2 whose first next-header is <paramref name="next"/>, followed by <paramref name="rest"/>.</summary>
    public static byte[] IPv6(byte next, byte[] rest, byte hopLimit = 63)
    {
        var packet = new byte[40 + rest.Length];
        packet[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), (ushort)rest.Length);
        packet[6] = next;
        packet[7] = hopLimit;
        packet[8] = 0x20;
        packet[9] = 0x01;
        packet[10] = 0x0d;
        packet[11] = 0xb8;
        packet.AsSpan(8, 16).CopyTo(packet.AsSpan(24));
        packet[23] = 1;
        packet[39] = 2;
        rest.CopyTo(packet, 40);
        return packet;
    }

    /// <summary>An IPv6 extension header (hop-by-hop, routing, destination options: 8 bytes) followed by <paramref name="rest"/>.</summary>
    public static byte[] Extension(byte next, byte[] rest) => [next, 0, 0, 0, 0, 0, 0, 0, .. rest];

    /// <summary>An IPv6 fragment header with <paramref name="offsetBytes"/> and the M flag, followed by <paramref name="rest"/>.</summary>
    public static byte[] FragmentHeader(byte next, int offsetBytes, bool more, byte[] rest)
    {
        var value = (ushort)(offsetBytes | (more ? 1 : 0));
        return [next, 0, (byte)(value >> 8), (byte)value, 0, 0, 0, 7, .. rest];
    }

    /// <summary>A 20-byte TCP header.</summary>
    public static byte[] Tcp(ushort source, ushort destination, TcpFlags flags)
    {
        var header = Ports(20, source, destination);
        header[12] = (byte)(0x50 | ((int)flags >> 8));
        header[13] = (byte)flags;
        return header;
    }

    /// <summary>An 8-byte UDP header.</summary>
    public static byte[] Udp(ushort source, ushort destination) => Ports(8, source, destination);

    /// <summary>A 12-byte SCTP common header.</summary>
    public static byte[] Sctp(ushort source, ushort destination) => Ports(12, source, destination);

    /// <summary>An 8-byte ICMP or ICMPv6 header.</summary>
    public static byte[] Icmp(byte type, byte code, ushort id)
    {
        var header = new byte[8];
        header[0] = type;
        header[1] = code;
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), id);
        return header;
    }

    private static byte[] Ports(int length, ushort source, ushort destination)
    {
        var header = new byte[length];
        BinaryPrimitives.WriteUInt16BigEndian(header, source);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), destination);
        return header;
    }
}
