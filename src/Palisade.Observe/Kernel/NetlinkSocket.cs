namespace Palisade.Observe.Kernel;

/// <summary>
/// A raw netlink socket (<c>AF_NETLINK</c>, <c>SOCK_RAW</c>) in the namespace of the thread that made it, for life.
/// Receives never block the caller longer than their timeout, and <see cref="Dispose"/> from another thread wakes a
/// pending one at once: waits poll the socket together with an eventfd that <see cref="Interrupt"/> and
/// <see cref="Dispose"/> signal, and the descriptors close only after the last call using them has returned.
/// ENOBUFS (the kernel dropped messages because the receive buffer was full) is a status, never an exception.
/// </summary>
internal sealed unsafe class NetlinkSocket : IDisposable
{
    private readonly int fd;
    private readonly int wakeFd;
    private int active;
    private int closed;
    private uint sequence;

    /// <summary>Opens and binds a socket of <paramref name="protocol"/> (e.g. 12, <c>NETLINK_NETFILTER</c>).</summary>
    /// <exception cref="NetlinkException">The kernel refused (e.g. no such protocol).</exception>
    public NetlinkSocket(int protocol)
    {
        fd = Libc.Socket(Libc.AfNetlink, Libc.SockRaw | Libc.SockCloexec, protocol);
        if (fd < 0) throw new NetlinkException($"cannot open a netlink socket (protocol {protocol}): {Libc.Describe(Libc.Errno)}");
        wakeFd = Libc.EventFd(0, Libc.EfdNonBlock | Libc.EfdCloexec);
        if (wakeFd < 0 || !BindAnyPort())
        {
            var errno = Libc.Errno;
            Libc.Close(fd);
            if (wakeFd >= 0) Libc.Close(wakeFd);
            throw new NetlinkException($"cannot set up a netlink socket (protocol {protocol}): {Libc.Describe(errno)}");
        }
    }

    /// <summary>The receive buffer the kernel granted, in bytes (it doubles what is asked, for its bookkeeping).</summary>
    public int ReceiveBufferSize
    {
        get
        {
            int value = 0, size = sizeof(int);
            return Libc.GetSockOpt(fd, Libc.SolSocket, Libc.SoRcvbuf, &value, &size) == 0 ? value : 0;
        }
    }

    /// <summary>
    /// Asks for a receive buffer of <paramref name="bytes"/>: <c>SO_RCVBUFFORCE</c> (root, past <c>rmem_max</c>),
    /// else <c>SO_RCVBUF</c> (capped at <c>net.core.rmem_max</c>).
    /// </summary>
    public void SetReceiveBuffer(int bytes)
    {
        if (Libc.SetSockOpt(fd, Libc.SolSocket, Libc.SoRcvbufForce, &bytes, sizeof(int)) == 0) return;
        if (Libc.SetSockOpt(fd, Libc.SolSocket, Libc.SoRcvbuf, &bytes, sizeof(int)) != 0)
            throw new NetlinkException($"cannot set the netlink receive buffer to {bytes} bytes: {Libc.Describe(Libc.Errno)}");
    }

    /// <summary>Joins multicast group <paramref name="group"/> (e.g. a conntrack event group).</summary>
    public void AddMembership(int group)
    {
        if (Libc.SetSockOpt(fd, Libc.SolNetlink, Libc.NetlinkAddMembership, &group, sizeof(int)) != 0)
            throw new NetlinkException($"cannot join netlink group {group}: {Libc.Describe(Libc.Errno)}; this needs root (CAP_NET_ADMIN)");
    }

    /// <summary>A fresh sequence number for a request.</summary>
    public uint NextSequence() => ++sequence;

    /// <summary>
    /// Sends <paramref name="message"/> (which asks for an ack) and waits for the kernel's answer to its sequence
    /// number; other messages that arrive meanwhile are skipped. Returns 0 on success or the kernel's errno.
    /// </summary>
    /// <exception cref="NetlinkException">The send failed or no answer came within 5 s.</exception>
    public int Request(ReadOnlySpan<byte> message)
    {
        var seq = Netlink.MessageSequence(message);
        fixed (byte* p = message)
        {
            if (Libc.Send(fd, p, (nuint)message.Length, 0) < 0)
                throw new NetlinkException($"cannot send a netlink request: {Libc.Describe(Libc.Errno)}");
        }
        var buffer = new byte[65536];
        var deadline = Environment.TickCount64 + 5000;
        while (Environment.TickCount64 < deadline)
        {
            if (Receive(buffer, 100, out var length) != ReceiveStatus.Data) continue;
            if (FindAck(buffer.AsSpan(0, length), seq) is { } errno) return errno;
        }
        throw new NetlinkException("the kernel did not answer a netlink request within 5 s");
    }

    /// <summary>
    /// Receives one datagram into <paramref name="buffer"/>, waiting up to <paramref name="timeoutMs"/> ms for it.
    /// One thread at a time may receive.
    /// </summary>
    /// <exception cref="NetlinkException">An error other than ENOBUFS, EAGAIN or EINTR.</exception>
    public ReceiveStatus Receive(Span<byte> buffer, int timeoutMs, out int length)
    {
        length = 0;
        Interlocked.Increment(ref active);
        try
        {
            if (Volatile.Read(ref closed) != 0) return ReceiveStatus.Closed;
            return ReceiveOrWait(buffer, timeoutMs, out length);
        }
        finally
        {
            Interlocked.Decrement(ref active);
        }
    }

    /// <summary>Wakes a pending <see cref="Receive"/>, which returns <see cref="ReceiveStatus.Interrupted"/>.</summary>
    public void Interrupt()
    {
        Interlocked.Increment(ref active);
        try
        {
            if (Volatile.Read(ref closed) == 0) Signal();
        }
        finally
        {
            Interlocked.Decrement(ref active);
        }
    }

    /// <summary>Wakes any pending receive, waits for it to return, then closes the socket. Safe from any thread.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref closed, 1) != 0) return;
        Signal();
        SpinWait.SpinUntil(() => Volatile.Read(ref active) == 0);
        Libc.Close(fd);
        Libc.Close(wakeFd);
    }

    private ReceiveStatus ReceiveOrWait(Span<byte> buffer, int timeoutMs, out int length)
    {
        length = 0;
        while (true)
        {
            nint n;
            fixed (byte* p = buffer) n = Libc.Recv(fd, p, (nuint)buffer.Length, Libc.MsgDontWait);
            if (n >= 0)
            {
                length = (int)n;
                return ReceiveStatus.Data;
            }
            var errno = Libc.Errno;
            if (errno == Libc.ENoBufs) return ReceiveStatus.Overrun;
            if (errno == Libc.EIntr) continue;
            if (errno != Libc.EAgain) throw new NetlinkException($"netlink receive failed: {Libc.Describe(errno)}");
            var ready = Wait(timeoutMs);
            if (ready != ReceiveStatus.Data) return ready;
        }
    }

    private ReceiveStatus Wait(int timeoutMs)
    {
        var fds = stackalloc Libc.PollFd[2];
        fds[0] = new Libc.PollFd { Fd = fd, Events = Libc.PollIn };
        fds[1] = new Libc.PollFd { Fd = wakeFd, Events = Libc.PollIn };
        var n = Libc.Poll(fds, 2, timeoutMs);
        if (n == 0) return ReceiveStatus.TimedOut;
        if (n < 0) return Libc.Errno == Libc.EIntr ? ReceiveStatus.Data : throw new NetlinkException($"poll on a netlink socket failed: {Libc.Describe(Libc.Errno)}");
        if (fds[1].Revents == 0) return ReceiveStatus.Data;
        if (Volatile.Read(ref closed) != 0) return ReceiveStatus.Closed;
        ulong drained;
        Libc.Read(wakeFd, (byte*)&drained, sizeof(ulong));
        return ReceiveStatus.Interrupted;
    }

    private void Signal()
    {
        ulong one = 1;
        Libc.Write(wakeFd, (byte*)&one, sizeof(ulong));
    }

    private bool BindAnyPort()
    {
        var address = stackalloc byte[12];
        new Span<byte>(address, 12).Clear();
        address[0] = Libc.AfNetlink;
        return Libc.Bind(fd, address, 12) == 0;
    }

    private static int? FindAck(ReadOnlySpan<byte> datagram, uint seq)
    {
        while (Netlink.MessageLength(datagram) is var length and > 0)
        {
            var message = datagram[..length];
            if (Netlink.MessageType(message) == Netlink.MsgError && Netlink.MessageSequence(message) == seq && length >= Netlink.HeaderSize + 4)
                return -BitConverter.ToInt32(message[Netlink.HeaderSize..]);
            datagram = datagram[Math.Min(Netlink.Align(length), datagram.Length)..];
        }
        return null;
    }
}
