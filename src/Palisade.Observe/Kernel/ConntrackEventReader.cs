namespace Palisade.Observe.Kernel;

/// <summary>
/// Reads connection-tracking events (ctnetlink multicast groups: new, destroy, optionally update) of one network
/// namespace over a raw netlink socket. The namespace must have conntrack in use (a rule that matches <c>ct</c>),
/// or there is nothing to report. Destroy events come in bursts and may be lost beyond the buffer: each overrun is
/// counted in <see cref="Lost"/>. One thread at a time reads; counters and <see cref="Dispose"/> work from any thread.
/// </summary>
public sealed class ConntrackEventReader : IDisposable
{
    private const int GroupNew = 1;
    private const int GroupUpdate = 2;
    private const int GroupDestroy = 3;
    private readonly NetlinkSocket socket;
    private readonly byte[] buffer = GC.AllocateUninitializedArray<byte>(64 * 1024, pinned: true);
    private long received;
    private long lost;
    private bool disposed;

    private ConntrackEventReader(NetlinkSocket socket) => this.socket = socket;

    /// <summary>The receive buffer the kernel granted, in bytes.</summary>
    public int ReceiveBufferSize => socket.ReceiveBufferSize;

    /// <summary>Events delivered to handlers.</summary>
    public long Received => Volatile.Read(ref received);

    /// <summary>Times the kernel dropped events because the buffer was full (ENOBUFS); each lost one or more.</summary>
    public long Lost => Volatile.Read(ref lost);

    /// <summary>Opens a reader in the calling thread's network namespace.</summary>
    /// <exception cref="NetlinkException">Not root, or the kernel has no ctnetlink.</exception>
    public static ConntrackEventReader Open(ConntrackOptions? options = null)
    {
        options ??= ConntrackOptions.Default;
        var socket = new NetlinkSocket(Netlink.NetfilterProtocol);
        try
        {
            socket.SetReceiveBuffer(options.ReceiveBufferSize);
            socket.AddMembership(GroupNew);
            socket.AddMembership(GroupDestroy);
            if (options.IncludeUpdates) socket.AddMembership(GroupUpdate);
            return new ConntrackEventReader(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a reader in network namespace <paramref name="netns"/> (a name under <c>/var/run/netns</c>; null for
    /// the calling thread's own), from a short-lived thread that enters it.
    /// </summary>
    /// <exception cref="NetlinkException">The namespace does not exist, not root, or no ctnetlink.</exception>
    public static ConntrackEventReader OpenIn(string? netns, ConntrackOptions? options = null) =>
        NamespaceRunner.Run(netns, () => Open(options));

    /// <summary>
    /// Turns on packet and byte counters (<c>net.netfilter.nf_conntrack_acct=1</c>) in <paramref name="netns"/>
    /// (null: the calling thread's); they apply to connections that begin afterwards.
    /// </summary>
    /// <exception cref="NetlinkException">The namespace does not exist or not root.</exception>
    public static void EnableAccounting(string? netns) => NetnsSysctl.Write(netns, "net/netfilter/nf_conntrack_acct", "1");

    /// <summary>
    /// Turns on start and stop timestamps (<c>net.netfilter.nf_conntrack_timestamp=1</c>) in
    /// <paramref name="netns"/> (null: the calling thread's); they apply to connections that begin afterwards.
    /// </summary>
    /// <exception cref="NetlinkException">The namespace does not exist or not root.</exception>
    public static void EnableTimestamps(string? netns) => NetnsSysctl.Write(netns, "net/netfilter/nf_conntrack_timestamp", "1");

    /// <summary>
    /// Receives at most one datagram, waiting up to <paramref name="timeoutMs"/> ms, and calls
    /// <paramref name="handler"/> for each event in it. Returns the number of events; 0 on timeout, on an overrun
    /// (counted), or once disposed.
    /// </summary>
    public int Poll(ConntrackHandler handler, int timeoutMs)
    {
        var status = socket.Receive(buffer, timeoutMs, out var length);
        if (status == ReceiveStatus.Overrun) Volatile.Write(ref lost, lost + 1);
        if (status != ReceiveStatus.Data) return 0;
        var count = 0;
        ReadOnlySpan<byte> datagram = buffer.AsSpan(0, length);
        while (Netlink.MessageLength(datagram) is var size and > 0)
        {
            if (ConntrackParser.TryParse(datagram[..size], out var e))
            {
                handler(in e);
                count++;
            }
            datagram = datagram[Math.Min(Netlink.Align(size), datagram.Length)..];
        }
        Volatile.Write(ref received, received + count);
        return count;
    }

    /// <summary>
    /// Calls <paramref name="handler"/> for every event until <paramref name="cancellationToken"/> is cancelled or
    /// the reader is disposed (both wake it at once).
    /// </summary>
    public void Run(ConntrackHandler handler, CancellationToken cancellationToken)
    {
        using var wake = cancellationToken.UnsafeRegister(static s => ((NetlinkSocket)s!).Interrupt(), socket);
        while (!cancellationToken.IsCancellationRequested && !Volatile.Read(ref disposed))
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
}
