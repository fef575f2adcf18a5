namespace Palisade.Agent.Programming;

/// <summary>
/// How the node's verdict chains report packets to user space: drops (every dropped packet) and allows (the first packet
/// of every new connection), each unless switched off, go to NFLOG group <see cref="Group"/> with the verdict's number
/// as prefix (<see cref="Prefix"/>), so the reader learns the deciding rule from the kernel itself.
/// </summary>
/// <param name="Group">The NFLOG group.</param>
/// <param name="Drops">Report dropped packets.</param>
/// <param name="Allowed">Report allowed new connections.</param>
/// <param name="AllowedSample">Report one allowed new connection in this many (1: all of them); drops are never sampled.</param>
public sealed record FlowLogging(int Group = FlowLogging.DefaultGroup, bool Drops = true, bool Allowed = true, int AllowedSample = 1)
{
    /// <summary>Nothing logged.</summary>
    public static FlowLogging Off { get; } = new(Drops: false, Allowed: false);

    /// <summary>The NFLOG group the agents log to unless told otherwise.</summary>
    public const int DefaultGroup = 1;

    /// <summary>What starts every prefix; the verdict's number follows.</summary>
    public const string Prefix = "pal:";
}
