using System.Buffers.Binary;

namespace Palisade.Observe.Kernel;

/// <summary>
/// Decodes one ctnetlink message (<c>NFNL_SUBSYS_CTNETLINK</c>: <c>IPCTNL_MSG_CT_NEW</c> or <c>_DELETE</c>) into a
/// <see cref="ConntrackEvent"/>. Nested attributes carry their values in network byte order.
/// </summary>
internal static class ConntrackParser
{
    private const ushort NewMessage = 1 << 8;
    private const ushort DeleteMessage = (1 << 8) | 2;
    private const ushort TupleOriginal = 1, TupleReply = 2, Status = 3, ProtoInfo = 4, Mark = 8;
    private const ushort CountersOriginal = 9, CountersReply = 10, Id = 12, Timestamp = 20;

    /// <summary>The event in <paramref name="message"/>; false for other messages and ones too short to be events.</summary>
    public static bool TryParse(ReadOnlySpan<byte> message, out ConntrackEvent e)
    {
        e = default;
        var type = Netlink.MessageType(message);
        if (type is not (NewMessage or DeleteMessage) || message.Length < Netlink.NetfilterHeaderSize) return false;
        var created = (Netlink.MessageFlags(message) & (Netlink.FlagCreate | Netlink.FlagExclusive)) != 0;
        e = new ConntrackEvent { Type = type == DeleteMessage ? ConntrackEventType.Destroy : created ? ConntrackEventType.New : ConntrackEventType.Update };
        var attributes = new NetlinkAttributes(message[Netlink.NetfilterHeaderSize..]);
        while (attributes.Next(out var attr, out var value)) e = Apply(e, attr, value);
        return true;
    }

    private static ConntrackEvent Apply(ConntrackEvent e, ushort attr, ReadOnlySpan<byte> value) => attr switch
    {
        TupleOriginal => e with { Original = ReadTuple(value) },
        TupleReply => e with { Reply = ReadTuple(value) },
        Status when value.Length >= 4 => e with { Status = (ConntrackStatus)BinaryPrimitives.ReadUInt32BigEndian(value) },
        Mark when value.Length >= 4 => e with { Mark = BinaryPrimitives.ReadUInt32BigEndian(value) },
        Id when value.Length >= 4 => e with { Id = BinaryPrimitives.ReadUInt32BigEndian(value) },
        ProtoInfo => e with { TcpState = ReadTcpState(value) },
        CountersOriginal => ReadCounters(value, out var p, out var b) ? e with { HasCounters = true, OriginalPackets = p, OriginalBytes = b } : e,
        CountersReply => ReadCounters(value, out var p, out var b) ? e with { HasCounters = true, ReplyPackets = p, ReplyBytes = b } : e,
        Timestamp => ReadTimestamps(e, value),
        _ => e,
    };

    private static ConntrackTuple ReadTuple(ReadOnlySpan<byte> value)
    {
        var tuple = default(ConntrackTuple);
        var attributes = new NetlinkAttributes(value);
        while (attributes.Next(out var type, out var inner))
        {
            tuple = type switch
            {
                1 => ReadAddresses(tuple, inner),
                2 => ReadProtocol(tuple, inner),
                _ => tuple,
            };
        }
        return tuple;
    }

    private static ConntrackTuple ReadAddresses(ConntrackTuple tuple, ReadOnlySpan<byte> value)
    {
        var attributes = new NetlinkAttributes(value);
        while (attributes.Next(out var type, out var inner))
        {
            tuple = (type, inner.Length) switch
            {
                (1, >= 4) => tuple with { Source = IpAddresses.FromBytes(inner[..4]) },
                (2, >= 4) => tuple with { Destination = IpAddresses.FromBytes(inner[..4]) },
                (3, >= 16) => tuple with { IsIPv6 = true, Source = IpAddresses.FromBytes(inner[..16]) },
                (4, >= 16) => tuple with { IsIPv6 = true, Destination = IpAddresses.FromBytes(inner[..16]) },
                _ => tuple,
            };
        }
        return tuple;
    }

    private static ConntrackTuple ReadProtocol(ConntrackTuple tuple, ReadOnlySpan<byte> value)
    {
        var attributes = new NetlinkAttributes(value);
        while (attributes.Next(out var type, out var inner))
        {
            if (inner.IsEmpty) continue;
            tuple = type switch
            {
                1 => tuple with { Protocol = inner[0] },
                2 when inner.Length >= 2 => tuple with { SourcePort = BinaryPrimitives.ReadUInt16BigEndian(inner) },
                3 when inner.Length >= 2 => tuple with { DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(inner) },
                4 or 7 when inner.Length >= 2 => tuple with { IcmpId = BinaryPrimitives.ReadUInt16BigEndian(inner) },
                5 or 8 => tuple with { IcmpType = inner[0] },
                6 or 9 => tuple with { IcmpCode = inner[0] },
                _ => tuple,
            };
        }
        return tuple;
    }

    private static byte ReadTcpState(ReadOnlySpan<byte> value)
    {
        var outer = new NetlinkAttributes(value);
        while (outer.Next(out var type, out var tcp))
        {
            if (type != 1) continue;
            var inner = new NetlinkAttributes(tcp);
            while (inner.Next(out var field, out var state)) if (field == 1 && !state.IsEmpty) return state[0];
        }
        return 0;
    }

    private static bool ReadCounters(ReadOnlySpan<byte> value, out ulong packets, out ulong bytes)
    {
        packets = bytes = 0;
        var found = false;
        var attributes = new NetlinkAttributes(value);
        while (attributes.Next(out var type, out var inner))
        {
            if (inner.Length < 8) continue;
            if (type == 1) packets = BinaryPrimitives.ReadUInt64BigEndian(inner);
            else if (type == 2) bytes = BinaryPrimitives.ReadUInt64BigEndian(inner);
            else continue;
            found = true;
        }
        return found;
    }

    private static ConntrackEvent ReadTimestamps(ConntrackEvent e, ReadOnlySpan<byte> value)
    {
        var attributes = new NetlinkAttributes(value);
        while (attributes.Next(out var type, out var inner))
        {
            if (inner.Length < 8) continue;
            var time = FromUnixNanoseconds(BinaryPrimitives.ReadUInt64BigEndian(inner));
            e = type switch { 1 => e with { Started = time }, 2 => e with { Stopped = time }, _ => e };
        }
        return e;
    }

    private static DateTime? FromUnixNanoseconds(ulong ns) =>
        ns == 0 ? null : DateTime.UnixEpoch.AddTicks((long)(ns / 100));
}
