using System.Buffers.Binary;

namespace Palisade.Observe.Kernel;

/// <summary>
/// Builds one nfnetlink request: <c>nlmsghdr</c> with request and ack flags, <c>nfgenmsg</c> (family, version 0,
/// resource id in network order), then attributes. Used for the few configuration messages a reader sends at open.
/// </summary>
internal sealed class NetlinkRequest
{
    private readonly byte[] buffer = new byte[256];
    private int length;

    /// <summary>Starts a message of <paramref name="type"/> (subsystem in the high byte) with sequence <paramref name="sequence"/>.</summary>
    public NetlinkRequest(ushort type, uint sequence, byte family, ushort resourceId, ushort extraFlags = 0)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(4), type);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(6), (ushort)(Netlink.FlagRequest | Netlink.FlagAck | extraFlags));
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(8), sequence);
        buffer[16] = family;
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(18), resourceId);
        length = Netlink.NetfilterHeaderSize;
    }

    /// <summary>Appends an attribute with <paramref name="value"/> as its bytes.</summary>
    public NetlinkRequest Attribute(ushort type, ReadOnlySpan<byte> value)
    {
        var size = 4 + value.Length;
        if (length + Netlink.Align(size) > buffer.Length) throw new InvalidOperationException("netlink request too long");
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(length), (ushort)size);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(length + 2), type);
        value.CopyTo(buffer.AsSpan(length + 4));
        length += Netlink.Align(size);
        return this;
    }

    /// <summary>Appends a 32-bit attribute in network byte order.</summary>
    public NetlinkRequest BigEndian32(ushort type, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return Attribute(type, bytes);
    }

    /// <summary>Appends a 16-bit attribute in network byte order.</summary>
    public NetlinkRequest BigEndian16(ushort type, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return Attribute(type, bytes);
    }

    /// <summary>The finished message with its length filled in.</summary>
    public ReadOnlySpan<byte> Bytes
    {
        get
        {
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, (uint)length);
            return buffer.AsSpan(0, length);
        }
    }
}
