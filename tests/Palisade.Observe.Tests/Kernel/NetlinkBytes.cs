using System.Buffers.Binary;

namespace Palisade.Observe.Tests.Kernel;

/// <summary>Netlink messages and attributes built by hand, as the kernel lays them out, for the parsers' tests.</summary>
internal static class NetlinkBytes
{
    /// <summary>The flag the kernel sets on nested attributes' types.</summary>
    public const ushort Nested = 0x8000;

    /// <summary>A message: <c>nlmsghdr</c>, <c>nfgenmsg</c> (family, version 0, resource id), then the attributes.</summary>
    public static byte[] Message(ushort type, ushort flags, byte family, ushort resourceId, params byte[][] attributes)
    {
        byte[] body = [.. attributes.SelectMany(a => a)];
        var message = new byte[20 + body.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(message, (uint)message.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(4), type);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(6), flags);
        message[16] = family;
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(18), resourceId);
        body.CopyTo(message, 20);
        return message;
    }

    /// <summary>An attribute whose value is <paramref name="parts"/> joined, padded to 4 bytes.</summary>
    public static byte[] Attr(ushort type, params byte[][] parts)
    {
        byte[] value = [.. parts.SelectMany(p => p)];
        var attribute = new byte[(4 + value.Length + 3) & ~3];
        BinaryPrimitives.WriteUInt16LittleEndian(attribute, (ushort)(4 + value.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(attribute.AsSpan(2), type);
        value.CopyTo(attribute, 4);
        return attribute;
    }

    /// <summary>A 16-bit value in network order.</summary>
    public static byte[] Be16(ushort value) => [(byte)(value >> 8), (byte)value];

    /// <summary>A 32-bit value in network order.</summary>
    public static byte[] Be32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    /// <summary>A 64-bit value in network order.</summary>
    public static byte[] Be64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }
}
