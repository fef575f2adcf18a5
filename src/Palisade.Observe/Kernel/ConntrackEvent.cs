namespace Palisade.Observe.Kernel;

/// <summary>
/// One ctnetlink event: a connection-tracking entry created, changed or destroyed, with both directions' tuples.
/// Counters are present only when <c>net.netfilter.nf_conntrack_acct=1</c> in the namespace when the connection
/// began, timestamps only with <c>nf_conntrack_timestamp=1</c> (see <see cref="ConntrackEventReader.EnableAccounting"/>).
/// </summary>
public readonly record struct ConntrackEvent
{
    /// <summary>New, update or destroy.</summary>
    public ConntrackEventType Type { get; init; }

    /// <summary>The direction of the connection's first packet.</summary>
    public ConntrackTuple Original { get; init; }

    /// <summary>The direction expected for replies (differs from the reversed original under NAT).</summary>
    public ConntrackTuple Reply { get; init; }

    /// <summary>The entry's status bits.</summary>
    public ConntrackStatus Status { get; init; }

    /// <summary>The connection mark (<c>ct mark</c>).</summary>
    public uint Mark { get; init; }

    /// <summary>The kernel's id for the entry, the same in its new and destroy events.</summary>
    public uint Id { get; init; }

    /// <summary>The TCP state (1 SYN_SENT, 2 SYN_RECV, 3 ESTABLISHED, ..., 7 TIME_WAIT, 8 CLOSE); 0 when not TCP.</summary>
    public byte TcpState { get; init; }

    /// <summary>Whether the packet and byte counters below were present.</summary>
    public bool HasCounters { get; init; }

    /// <summary>Packets in the original direction.</summary>
    public ulong OriginalPackets { get; init; }

    /// <summary>Bytes (IP lengths) in the original direction.</summary>
    public ulong OriginalBytes { get; init; }

    /// <summary>Packets in the reply direction.</summary>
    public ulong ReplyPackets { get; init; }

    /// <summary>Bytes (IP lengths) in the reply direction.</summary>
    public ulong ReplyBytes { get; init; }

    /// <summary>When the entry was created (UTC), when the kernel records timestamps.</summary>
    public DateTime? Started { get; init; }

    /// <summary>When the entry ended (UTC), in destroy events when the kernel records timestamps.</summary>
    public DateTime? Stopped { get; init; }
}
