namespace Palisade.Observe.Kernel;

/// <summary>
/// Reads the packets that nftables <c>log group N</c> rules send to user space (NFLOG) over a raw netlink socket,
/// in batches, without allocating per event. The socket lives in the network namespace where it was opened, for
/// life. One thread at a time reads (<see cref="Run"/> or <see cref="Poll"/>); the counters may be read and
/// <see cref="Dispose"/> called from any thread.
/// </summary>
public sealed class NflogReader : IDisposable
{
    private const int BufferSize = 256 * 1024;
    private readonly NetlinkSocket socket;
    private readonly NflogParser parser = new();
    private readonly byte[] buffer = GC.AllocateUninitializedArray<byte>(BufferSize, pinned: true);
    private long overruns;
    private long batches;
    private bool disposed;

    private NflogReader(NetlinkSocket socket, ushort group, NflogOptions options)
    {
        this.socket = socket;
        Group = group;
        Options = options;
    }

    /// <summary>The NFLOG group this reader is bound to.</summary>
    public ushort Group { get; }

    /// <summary>The options it was opened with.</summary>
    public NflogOptions Options { get; }

    /// <summary>The receive buffer the kernel granted, in bytes.</summary>
    public int ReceiveBufferSize => socket.ReceiveBufferSize;

    /// <summary>Events delivered to handlers.</summary>
    public long Received => parser.Received;

    /// <summary>
    /// Events the kernel dropped because the receive buffer was full: exact (gaps in the sequence numbers) with
    /// <see cref="NflogOptions.Sequence"/>, else the number of <see cref="Overruns"/>. Drops after the last event
    /// received show up when the next event arrives.
    /// </summary>
    public long Lost => Options.Sequence ? parser.Lost : Overruns;

    /// <summary>Times the kernel reported dropped batches (ENOBUFS on receive).</summary>
    public long Overruns => Volatile.Read(ref overruns);

    /// <summary>Datagrams (batches of events) received.</summary>
    public long Batches => Volatile.Read(ref batches);

    /// <summary>Opens a reader for <paramref name="group"/> in the calling thread's network namespace.</summary>
    /// <exception cref="NetlinkException">Not root, the group is taken, or the kernel has no NFLOG.</exception>
    public static NflogReader Open(ushort group, NflogOptions? options = null)
    {
        options ??= NflogOptions.Default;
        var socket = new NetlinkSocket(Netlink.NetfilterProtocol);
        try
        {
            socket.SetReceiveBuffer(options.ReceiveBufferSize);
            NflogConfig.Bind(socket, group, options);
            return new NflogReader(socket, group, options);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a reader for <paramref name="group"/> in network namespace <paramref name="netns"/> (a name under
    /// <c>/var/run/netns</c>; null for the calling thread's own), from a short-lived thread that enters it.
    /// </summary>
    /// <exception cref="NetlinkException">The namespace does not exist, not root, the group is taken, or no NFLOG.</exception>
    public static NflogReader OpenIn(string? netns, ushort group, NflogOptions? options = null) =>
        NamespaceRunner.Run(netns, () => Open(group, options));

    /// <summary>
    /// Receives at most one batch, waiting up to <paramref name="timeoutMs"/> ms, and calls
    /// <paramref name="handler"/> for each of its events. Returns the number of events; 0 on timeout, on an
    /// overrun (counted), or once disposed.
    /// </summary>
    public int Poll(NflogHandler handler, int timeoutMs)
    {
        switch (socket.Receive(buffer, timeoutMs, out var length))
        {
            case ReceiveStatus.Data:
                Volatile.Write(ref batches, batches + 1);
                return parser.Parse(buffer.AsSpan(0, length), DateTime.UtcNow, handler);
            case ReceiveStatus.Overrun:
                Volatile.Write(ref overruns, overruns + 1);
                return 0;
            default:
                return 0;
        }
    }

    /// <summary>
    /// Calls <paramref name="handler"/> for every event until <paramref name="cancellationToken"/> is cancelled or
    /// the reader is disposed (both wake it at once).
    /// </summary>
    public void Run(NflogHandler handler, CancellationToken cancellationToken)
    {
        using var wake = cancellationToken.UnsafeRegister(static s => ((NetlinkSocket)s!).Interrupt(), socket);
        while (!cancellationToken.IsCancellationRequested && !IsDisposed)
        {
            Poll(handler, 1000);
        }
    }

    /// <summary>Closes the socket; a <see cref="Run"/> on another thread returns.</summary>
    public void Dispose()
    {
        Volatile.Write(ref disposed, true);
        socket.Dispose();
    }

    private bool IsDisposed => Volatile.Read(ref disposed);
}
