using System.Net;
using System.Net.Sockets;
using Palisade.Observe.Kernel;

namespace Palisade.Observe.Tests.Kernel;

/// <summary>
/// <see cref="ConntrackEventReader"/> against the real kernel: connections from the near namespace (where a
/// <c>ct</c> rule turns conntrack on and marks new connections) to sockets in the peer, then a flush for the
/// destroy events.
/// </summary>
[Trait("Requires", "root")]
public sealed class ConntrackEventReaderTests
{
    private const string TrackingRules = """
        table inet t {
          chain out {
            type filter hook output priority 0;
            ct state new ct mark set 0x42
          }
        }
        """;

    private static readonly uint Near = 0x0AC90001;
    private static readonly uint Peer = 0x0AC90002;

    [Fact]
    public async Task Run_TcpConnectionThenFlush_NewAndDestroyCarryTuplesMarkCountersAndTimes()
    {
        await using var lab = await TrackedLabAsync();
        using var collector = new ConntrackCollector(ConntrackEventReader.OpenIn(lab.Near));
        using var listener = KernelLab.SocketIn(lab.Peer, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(KernelLab.PeerAddress, 7100));
        listener.Listen();
        int clientPort;
        using (var client = KernelLab.SocketIn(lab.Near, SocketType.Stream, ProtocolType.Tcp))
        {
            await client.ConnectAsync(KernelLab.PeerAddress, 7100);
            clientPort = ((IPEndPoint)client.LocalEndPoint!).Port;
            using var server = await listener.AcceptAsync();
            await client.SendAsync(new byte[100]);
            Assert.Equal(100, await ReceiveAllAsync(server, 100));
        }

        var created = await collector.WaitForAsync(e => e.Type == ConntrackEventType.New && e.Original.DestinationPort == 7100)
            ?? throw new InvalidOperationException("no new event");
        ConntrackTable.Flush(lab.Near);
        var destroyed = await collector.WaitForAsync(e => e.Type == ConntrackEventType.Destroy && e.Id == created.Id)
            ?? throw new InvalidOperationException("no destroy event");

        Assert.Equal((Near, Peer, (byte)6, (ushort)clientPort, (ushort)7100), Describe(created.Original));
        Assert.Equal((Peer, Near, (byte)6, (ushort)7100, (ushort)clientPort), Describe(created.Reply));
        Assert.Equal(0x42u, created.Mark);
        Assert.NotEqual(0u, created.Id);
        Assert.Equal(created.Original, destroyed.Original);
        Assert.True(destroyed.HasCounters);
        Assert.True(destroyed.OriginalPackets >= 3 && destroyed.OriginalBytes > 100, $"original {destroyed.OriginalPackets} packets {destroyed.OriginalBytes} bytes");
        Assert.True(destroyed.ReplyPackets >= 2 && destroyed.ReplyBytes > 0, $"reply {destroyed.ReplyPackets} packets {destroyed.ReplyBytes} bytes");
        Assert.NotNull(destroyed.Started);
        Assert.True(destroyed.Stopped >= destroyed.Started, $"stopped {destroyed.Stopped} before started {destroyed.Started}");
        Assert.Equal(0, collector.Reader.Lost);
    }

    [Fact]
    public async Task Run_UdpRequestAndReplyThenFlush_DestroyCountsBothDirections()
    {
        await using var lab = await TrackedLabAsync();
        using var collector = new ConntrackCollector(ConntrackEventReader.OpenIn(lab.Near));
        using var server = KernelLab.SocketIn(lab.Peer, SocketType.Dgram, ProtocolType.Udp);
        server.Bind(new IPEndPoint(KernelLab.PeerAddress, 7200));
        using var client = KernelLab.SocketIn(lab.Near, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(KernelLab.NearAddress, 40100));
        await client.SendToAsync(new byte[20], new IPEndPoint(KernelLab.PeerAddress, 7200));
        var request = await server.ReceiveFromAsync(new byte[64], new IPEndPoint(IPAddress.Any, 0));
        await server.SendToAsync(new byte[30], request.RemoteEndPoint);
        Assert.Equal(30, (await client.ReceiveFromAsync(new byte[64], new IPEndPoint(IPAddress.Any, 0))).ReceivedBytes);

        var created = await collector.WaitForAsync(e => e.Type == ConntrackEventType.New && e.Original.DestinationPort == 7200)
            ?? throw new InvalidOperationException("no new event");
        ConntrackTable.Flush(lab.Near);
        var destroyed = await collector.WaitForAsync(e => e.Type == ConntrackEventType.Destroy && e.Id == created.Id)
            ?? throw new InvalidOperationException("no destroy event");

        Assert.Equal((Near, Peer, (byte)17, (ushort)40100, (ushort)7200), Describe(created.Original));
        Assert.Equal((1ul, 48ul, 1ul, 58ul), (destroyed.OriginalPackets, destroyed.OriginalBytes, destroyed.ReplyPackets, destroyed.ReplyBytes));
        Assert.True(destroyed.Status.HasFlag(ConntrackStatus.SeenReply), $"status {destroyed.Status}");
        Assert.Equal(0, collector.Reader.Lost);
    }

    [Fact]
    public async Task Run_IcmpEcho_NewEventCarriesTypeCodeAndId()
    {
        await using var lab = await TrackedLabAsync();
        using var collector = new ConntrackCollector(ConntrackEventReader.OpenIn(lab.Near));
        using (var icmp = KernelLab.SocketIn(lab.Near, SocketType.Raw, ProtocolType.Icmp))
        {
            icmp.SendTo(IcmpPackets.EchoRequest(id: 0x5151, sequence: 1), new IPEndPoint(KernelLab.PeerAddress, 0));
        }

        var created = await collector.WaitForAsync(e => e.Type == ConntrackEventType.New && e.Original.Protocol == 1)
            ?? throw new InvalidOperationException("no new event");

        Assert.Equal((Near, Peer), ((uint)created.Original.Source, (uint)created.Original.Destination));
        Assert.Equal((8, 0, 0x5151), (created.Original.IcmpType, created.Original.IcmpCode, (int)created.Original.IcmpId));
        Assert.Equal(KernelLab.PeerAddress, created.Original.DestinationAddress);
    }

    [Fact]
    public void OpenIn_MissingNamespace_ThrowsNamingIt()
    {
        var e = Assert.Throws<NetlinkException>(() => ConntrackEventReader.OpenIn("pobs-missing-namespace"));

        Assert.Contains("pobs-missing-namespace", e.Message, StringComparison.Ordinal);
    }

    private static async Task<KernelLab> TrackedLabAsync()
    {
        var lab = await KernelLab.CreateAsync();
        try
        {
            await KernelLab.LoadRulesAsync(lab.Near, TrackingRules);
            ConntrackEventReader.EnableAccounting(lab.Near);
            ConntrackEventReader.EnableTimestamps(lab.Near);
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    private static (uint, uint, byte, ushort, ushort) Describe(ConntrackTuple t) =>
        ((uint)t.Source, (uint)t.Destination, t.Protocol, t.SourcePort, t.DestinationPort);

    private static async Task<int> ReceiveAllAsync(Socket socket, int count)
    {
        var buffer = new byte[count];
        var got = 0;
        while (got < count && await socket.ReceiveAsync(buffer.AsMemory(got)) is var n and > 0) got += n;
        return got;
    }
}
