namespace Palisade.Observe.Kernel;

/// <summary>Empties a namespace's conntrack table over ctnetlink (what <c>conntrack -F</c> does), so destroy events come at once.</summary>
internal static class ConntrackTable
{
    private const ushort DeleteMessage = (1 << 8) | 2;
    private const byte Inet = 2;

    /// <summary>Deletes every IPv4 entry in <paramref name="netns"/>; throws <see cref="InvalidOperationException"/> if the kernel refuses.</summary>
    public static void Flush(string netns) => NamespaceRunner.Run(netns, () =>
    {
        using var socket = new NetlinkSocket(Netlink.NetfilterProtocol);
        var errno = socket.Request(new NetlinkRequest(DeleteMessage, socket.NextSequence(), Inet, 0).Bytes);
        return errno == 0 ? true : throw new InvalidOperationException($"conntrack flush in {netns} failed: errno {errno}");
    });
}
