namespace Palisade.Observe.Kernel;

/// <summary>A conntrack entry's status bits (<c>enum ip_conntrack_status</c>).</summary>
[Flags]
public enum ConntrackStatus : uint
{
    /// <summary>No bit set.</summary>
    None = 0,

    /// <summary>An expected connection (e.g. an FTP data channel).</summary>
    Expected = 1 << 0,

    /// <summary>Packets have been seen in both directions.</summary>
    SeenReply = 1 << 1,

    /// <summary>The entry will not be dropped early under pressure.</summary>
    Assured = 1 << 2,

    /// <summary>The entry is in the table (its first packet left the stack).</summary>
    Confirmed = 1 << 3,

    /// <summary>Source NAT applies.</summary>
    SourceNat = 1 << 4,

    /// <summary>Destination NAT applies.</summary>
    DestinationNat = 1 << 5,

    /// <summary>TCP sequence numbers are adjusted.</summary>
    SequenceAdjust = 1 << 6,

    /// <summary>Source NAT has been set up.</summary>
    SourceNatDone = 1 << 7,

    /// <summary>Destination NAT has been set up.</summary>
    DestinationNatDone = 1 << 8,

    /// <summary>The entry is being removed.</summary>
    Dying = 1 << 9,

    /// <summary>The timeout does not change.</summary>
    FixedTimeout = 1 << 10,

    /// <summary>A template entry.</summary>
    Template = 1 << 11,

    /// <summary>An untracked packet's entry.</summary>
    Untracked = 1 << 12,

    /// <summary>A helper is attached.</summary>
    Helper = 1 << 13,

    /// <summary>Offloaded to the flow table.</summary>
    Offload = 1 << 14,

    /// <summary>Offloaded to hardware.</summary>
    HardwareOffload = 1 << 15,
}
