using System.Buffers.Binary;

namespace Palisade.Observe.Kernel;

/// <summary>
/// Turns NFLOG datagrams (a batch of <c>NFULNL_MSG_PACKET</c> messages) into <see cref="NflogEvent"/>s without
/// allocating, and counts events and the gaps in their sequence numbers (events the kernel dropped). One thread
/// parses; the counters may be read from any thread.
/// </summary>
internal sealed class NflogParser
{
    private const ushort PacketMessage = 4 << 8;
    private const ushort AttrPacketHeader = 1;
    private const ushort AttrMark = 2;
    private const ushort AttrTimestamp = 3;
    private const ushort AttrInputInterface = 4;
    private const ushort AttrOutputInterface = 5;
    private const ushort AttrPayload = 9;
    private const ushort AttrPrefix = 10;
    private const ushort AttrSequence = 12;
    private long received;
    private long lost;
    private uint lastSequence = uint.MaxValue;

    /// <summary>Events parsed so far.</summary>
    public long Received => Volatile.Read(ref received);

    /// <summary>Events missing from the sequence so far.</summary>
    public long Lost => Volatile.Read(ref lost);

    /// <summary>
    /// Calls <paramref name="handler"/> for each packet message in <paramref name="datagram"/>; events without a
    /// kernel timestamp get <paramref name="receivedAt"/>. Returns the number of events.
    /// </summary>
    public int Parse(ReadOnlySpan<byte> datagram, DateTime receivedAt, NflogHandler handler)
    {
        var count = 0;
        while (Netlink.MessageLength(datagram) is var length and > 0)
        {
            var message = datagram[..length];
            if (Netlink.MessageType(message) == PacketMessage && length >= Netlink.NetfilterHeaderSize)
            {
                var e = Decode(message, receivedAt);
                if (e.HasSequence) CountGap(e.Sequence);
                handler(in e);
                count++;
            }
            datagram = datagram[Math.Min(Netlink.Align(length), datagram.Length)..];
        }
        Volatile.Write(ref received, received + count);
        return count;
    }

    private static NflogEvent Decode(ReadOnlySpan<byte> message, DateTime receivedAt)
    {
        ushort hwProtocol = 0;
        byte hook = 0;
        uint mark = 0, inDev = 0, outDev = 0, seq = 0;
        bool hasSeq = false, hasTime = false;
        var time = receivedAt;
        ReadOnlySpan<byte> prefix = default, payload = default;
        var attributes = new NetlinkAttributes(message[Netlink.NetfilterHeaderSize..]);
        while (attributes.Next(out var type, out var value))
        {
            switch (type)
            {
                case AttrPacketHeader when value.Length >= 3:
                    hwProtocol = BinaryPrimitives.ReadUInt16BigEndian(value);
                    hook = value[2];
                    break;
                case AttrMark when value.Length >= 4: mark = BinaryPrimitives.ReadUInt32BigEndian(value); break;
                case AttrInputInterface when value.Length >= 4: inDev = BinaryPrimitives.ReadUInt32BigEndian(value); break;
                case AttrOutputInterface when value.Length >= 4: outDev = BinaryPrimitives.ReadUInt32BigEndian(value); break;
                case AttrTimestamp when value.Length >= 16:
                    hasTime = TryTimestamp(value, ref time);
                    break;
                case AttrSequence when value.Length >= 4:
                    seq = BinaryPrimitives.ReadUInt32BigEndian(value);
                    hasSeq = true;
                    break;
                case AttrPrefix: prefix = UntilNul(value); break;
                case AttrPayload: payload = value; break;
                default: break;
            }
        }
        return new NflogEvent
        {
            Family = message[Netlink.HeaderSize],
            Group = BinaryPrimitives.ReadUInt16BigEndian(message[(Netlink.HeaderSize + 2)..]),
            HardwareProtocol = hwProtocol,
            Hook = hook,
            Mark = mark,
            InputInterface = inDev,
            OutputInterface = outDev,
            Timestamp = time,
            HasKernelTimestamp = hasTime,
            Sequence = seq,
            HasSequence = hasSeq,
            Prefix = prefix,
            Payload = payload,
        };
    }

    /// <summary>
    /// Counts the events between the last sequence number and <paramref name="seq"/>. The kernel numbers a group's
    /// events from 0 when it is bound, so events dropped before the first one received count too; a number that
    /// goes backwards (which the kernel never sends) resets the count instead of adding billions.
    /// </summary>
    private void CountGap(uint seq)
    {
        var gap = seq - lastSequence - 1;
        if (gap is > 0 and < int.MaxValue) Volatile.Write(ref lost, lost + gap);
        lastSequence = seq;
    }

    private static bool TryTimestamp(ReadOnlySpan<byte> value, ref DateTime time)
    {
        var seconds = BinaryPrimitives.ReadUInt64BigEndian(value);
        var micros = BinaryPrimitives.ReadUInt64BigEndian(value[8..]);
        if (seconds is 0 or > 253_402_300_799UL || micros >= 1_000_000) return false;
        time = DateTime.UnixEpoch.AddTicks(((long)seconds * TimeSpan.TicksPerSecond) + ((long)micros * 10));
        return true;
    }

    private static ReadOnlySpan<byte> UntilNul(ReadOnlySpan<byte> value)
    {
        var nul = value.IndexOf((byte)0);
        return nul < 0 ? value : value[..nul];
    }
}
