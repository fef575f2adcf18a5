namespace Palisade.Agent.Programming;

/// <summary>
/// How the node's verdict chains report packets to user space: drops (every dropped packet) and allows (the first packet
/// of every new connection), each unless switched off, go to NFLOG group <see cref="Group"/> with the verdict's number
/// as prefix (<see cref="Prefix"/>), so the reader learns the deciding rule from the kernel itself.
/// </summary>
public sealed record FlowLogging(int Group = FlowLogging.DefaultGroup, bool Drops = true, bool Allowed = true)
{
    /// <summary>Nothing logged.</summary>
    public static FlowLogging Off { get; } = new(Drops: false, Allowed: false);

    /// <summary>The NFLOG group the agents log to unless told otherwise.</summary>
    public const int DefaultGroup = 1;

    /// <summary>What starts every prefix; the verdict's number follows.</summary>
    public const string Prefix = "pal:";
}
