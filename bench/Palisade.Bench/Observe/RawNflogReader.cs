using Palisade.Observe.Kernel;

namespace Palisade.Bench.Observe;

/// <summary>
/// The bench's baseline: the same socket and group configuration as <see cref="NflogReader"/>, but it only walks the
/// netlink message headers of each batch and counts the packet messages: the cost of getting the events out of the
/// kernel, with no decoding.
/// </summary>
internal sealed class RawNflogReader : BenchReader
{
    private const ushort PacketMessage = 4 << 8;
    private readonly NetlinkSocket socket;
    private readonly byte[] buffer = GC.AllocateUninitializedArray<byte>(256 * 1024, pinned: true);
    private long received;
    private long overruns;

    /// <summary>Binds <paramref name="group"/> in <paramref name="netns"/> with <paramref name="options"/>.</summary>
    public RawNflogReader(string netns, ushort group, NflogOptions options) => socket = NamespaceRunner.Run(netns, () =>
    {
        var s = new NetlinkSocket(Netlink.NetfilterProtocol);
        s.SetReceiveBuffer(options.ReceiveBufferSize);
        NflogConfig.Bind(s, group, options);
        return s;
    });

    /// <inheritdoc/>
    public override string Name => "raw (count messages)";

    /// <inheritdoc/>
    public override long Received => Volatile.Read(ref received);

    /// <inheritdoc/>
    public override long Overruns => Volatile.Read(ref overruns);

    /// <inheritdoc/>
    public override void Dispose() => socket.Dispose();

    /// <inheritdoc/>
    protected override int PollOnce(int timeoutMs)
    {
        var status = socket.Receive(buffer, timeoutMs, out var length);
        if (status == ReceiveStatus.Overrun) Volatile.Write(ref overruns, overruns + 1);
        if (status != ReceiveStatus.Data) return 0;
        var count = 0;
        ReadOnlySpan<byte> datagram = buffer.AsSpan(0, length);
        while (Netlink.MessageLength(datagram) is var size and > 0)
        {
            if (Netlink.MessageType(datagram) == PacketMessage) count++;
            datagram = datagram[Math.Min(Netlink.Align(size), datagram.Length)..];
        }
        Volatile.Write(ref received, received + count);
        return count;
    }
}
