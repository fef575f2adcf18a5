namespace Palisade.Observe.Kernel;

/// <summary>
/// The configuration messages that bind a netlink socket to an NFLOG group (<c>NFNL_SUBSYS_ULOG</c>,
/// <c>NFULNL_MSG_CONFIG</c>): one message binds the group and sets copy mode, batch size, flush timeout, batch
/// buffer and flags (sequence numbers on, conntrack info off), so the group never runs with the kernel's defaults.
/// No <c>PF_UNBIND</c>/<c>PF_BIND</c> is sent: <c>log group N</c> rules reach nfnetlink_log without them on current
/// kernels (the tests run on 6.18), and an unbind would take the namespace's default logger from plain <c>log</c> rules.
/// </summary>
internal static class NflogConfig
{
    private const ushort ConfigMessage = (4 << 8) | 1;
    private const ushort AttrCommand = 1;
    private const ushort AttrMode = 2;
    private const ushort AttrBufferSize = 3;
    private const ushort AttrTimeout = 4;
    private const ushort AttrQueueThreshold = 5;
    private const ushort AttrFlags = 6;
    private const byte CommandBind = 1;
    private const byte CopyPacket = 2;
    private const ushort FlagSequence = 1;
    private const int EBusy = 16;
    private const int EPerm = 1;

    /// <summary>Binds <paramref name="socket"/> to <paramref name="group"/> with <paramref name="options"/>.</summary>
    /// <exception cref="NetlinkException">The group is taken, the caller is not root, or the kernel has no NFLOG.</exception>
    public static void Bind(NetlinkSocket socket, ushort group, NflogOptions options)
    {
        Span<byte> mode = stackalloc byte[6];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(mode, options.CopyRange);
        mode[4] = CopyPacket;
        var request = new NetlinkRequest(ConfigMessage, socket.NextSequence(), 0, group)
            .Attribute(AttrCommand, [CommandBind])
            .Attribute(AttrMode, mode)
            .BigEndian32(AttrQueueThreshold, options.QueueThreshold)
            .BigEndian32(AttrTimeout, Hundredths(options.FlushTimeout))
            .BigEndian32(AttrBufferSize, (uint)options.NetlinkBufferSize)
            .BigEndian16(AttrFlags, options.Sequence ? FlagSequence : (ushort)0);
        var errno = socket.Request(request.Bytes);
        if (errno == 0) return;
        throw new NetlinkException(errno switch
        {
            EBusy => $"NFLOG group {group} is already bound by another socket in this network namespace; use another group or stop that reader",
            EPerm => $"cannot bind NFLOG group {group}: {Libc.Describe(errno)}; another socket in this network namespace has the group, or the caller is not root (CAP_NET_ADMIN)",
            _ => $"cannot bind NFLOG group {group}: {Libc.Describe(errno)}; does the kernel have nfnetlink_log (CONFIG_NETFILTER_NETLINK_LOG)?",
        });
    }

    private static uint Hundredths(TimeSpan timeout) => (uint)Math.Ceiling(Math.Max(0, timeout.TotalMilliseconds) / 10);
}
