using System.Buffers.Binary;

namespace Palisade.Observe.Kernel;

/// <summary>Netlink and nfnetlink framing: header sizes, message types and flags, alignment.</summary>
internal static class Netlink
{
    /// <summary><c>NETLINK_NETFILTER</c>: the protocol of NFLOG and ctnetlink sockets.</summary>
    public const int NetfilterProtocol = 12;

    /// <summary>Size of <c>struct nlmsghdr</c>.</summary>
    public const int HeaderSize = 16;

    /// <summary>Size of <c>struct nlmsghdr</c> plus <c>struct nfgenmsg</c>: where a netfilter message's attributes start.</summary>
    public const int NetfilterHeaderSize = HeaderSize + 4;

    public const ushort MsgError = 2;
    public const ushort FlagRequest = 1;
    public const ushort FlagAck = 4;
    public const ushort FlagExclusive = 0x200;
    public const ushort FlagCreate = 0x400;

    /// <summary>Rounds up to the 4-byte boundary messages and attributes are aligned to.</summary>
    public static int Align(int length) => (length + 3) & ~3;

    /// <summary>
    /// The length of the message at the start of <paramref name="data"/>, or 0 when no whole message is there (a
    /// truncated or malformed datagram ends the walk).
    /// </summary>
    public static int MessageLength(ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderSize) return 0;
        var length = BinaryPrimitives.ReadUInt32LittleEndian(data);
        return length < HeaderSize || length > (uint)data.Length ? 0 : (int)length;
    }

    /// <summary>The message type (<c>nlmsg_type</c>) of a message that <see cref="MessageLength"/> accepted.</summary>
    public static ushort MessageType(ReadOnlySpan<byte> message) => BinaryPrimitives.ReadUInt16LittleEndian(message[4..]);

    /// <summary>The flags (<c>nlmsg_flags</c>) of a message that <see cref="MessageLength"/> accepted.</summary>
    public static ushort MessageFlags(ReadOnlySpan<byte> message) => BinaryPrimitives.ReadUInt16LittleEndian(message[6..]);

    /// <summary>The sequence number (<c>nlmsg_seq</c>) of a message that <see cref="MessageLength"/> accepted.</summary>
    public static uint MessageSequence(ReadOnlySpan<byte> message) => BinaryPrimitives.ReadUInt32LittleEndian(message[8..]);
}
