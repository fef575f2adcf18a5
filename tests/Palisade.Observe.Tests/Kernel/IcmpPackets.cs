using System.Buffers.Binary;

namespace Palisade.Observe.Tests.Kernel;

/// <summary>ICMP messages the tests send through raw sockets.</summary>
internal static class IcmpPackets
{
    /// <summary>An ICMPv4 echo request (type 8) with its checksum.</summary>
    public static byte[] EchoRequest(ushort id, ushort sequence)
    {
        var packet = new byte[16];
        packet[0] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), id);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(6), sequence);
        var sum = 0;
        for (var i = 0; i < packet.Length; i += 2) sum += (packet[i] << 8) | packet[i + 1];
        while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)~sum);
        return packet;
    }
}
