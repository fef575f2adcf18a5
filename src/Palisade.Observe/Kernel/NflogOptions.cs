namespace Palisade.Observe.Kernel;

/// <summary>How an <see cref="NflogReader"/> asks the kernel to deliver a group's packets.</summary>
public sealed record NflogOptions
{
    /// <summary>The defaults: 128-byte copies, batches of 64 or 10 ms, 32 KiB batches, 8 MiB buffer, sequence numbers.</summary>
    public static NflogOptions Default { get; } = new();

    /// <summary>Bytes of each packet copied from its network header: 128 covers IPv4 with options, or IPv6, and the L4 header.</summary>
    public ushort CopyRange { get; init; } = 128;

    /// <summary>Packets the kernel gathers into one datagram before sending it (<c>NFULA_CFG_QTHRESH</c>).</summary>
    public uint QueueThreshold { get; init; } = 64;

    /// <summary>
    /// How long the kernel may hold a partial batch (<c>NFULA_CFG_TIMEOUT</c>, sent in hundredths of a second,
    /// rounded up), so a lone event is not held back.
    /// </summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Size of the kernel's batch buffer (<c>NFULA_CFG_NLBUFSIZ</c>); a batch also ends when the next packet would
    /// not fit. The kernel accepts about 4 KiB to 128 KiB and ignores other values.
    /// </summary>
    public int NetlinkBufferSize { get; init; } = 32 * 1024;

    /// <summary>The socket's receive buffer: how much can queue while the reader is busy before the kernel drops batches.</summary>
    public int ReceiveBufferSize { get; init; } = 8 * 1024 * 1024;

    /// <summary>
    /// Ask for per-group sequence numbers (<c>NFULNL_CFG_F_SEQ</c>) so that <see cref="NflogReader.Lost"/> counts exactly
    /// the events the kernel dropped; without them it counts overruns, each of which lost one or more batches.
    /// </summary>
    public bool Sequence { get; init; } = true;
}
