using System.Net;
using System.Net.Sockets;
using Palisade.Observe.Kernel;

namespace Palisade.Observe.Tests.Kernel;

/// <summary>
/// <see cref="NflogReader"/> against the real kernel: nftables <c>log group</c> rules in namespaces of the test's own,
/// packets sent from sockets made inside them.
/// </summary>
[Trait("Requires", "root")]
public sealed class NflogReaderTests
{
    /// <summary>The group every rule of <see cref="OutputRules"/> logs to.</summary>
    internal const ushort Group = 5;

    /// <summary>Output-hook rules in the near namespace: UDP 9999 marked and dropped, UDP 9996/9998, TCP 9997 and ICMP echo accepted; all logged to group 5 with a counter.</summary>
    internal const string OutputRules = """
        table inet t {
          chain out {
            type filter hook output priority 0;
            udp dport 9999 meta mark set 0x1234 counter log prefix "pal:42" group 5 drop
            udp dport { 9996, 9998 } counter log prefix "pal:7" group 5 accept
            tcp dport 9997 counter log prefix "pal:9" group 5 accept
            icmp type echo-request counter log prefix "pal:3" group 5 accept
          }
        }
        """;

    [Fact]
    public async Task Run_UdpDroppedAtOutput_EventsCarryPrefixMarkPortsInterfaceAndSequence()
    {
        await using var lab = await KernelLab.CreateAsync();
        await KernelLab.LoadRulesAsync(lab.Near, OutputRules);
        using var collector = new NflogCollector(NflogReader.OpenIn(lab.Near, Group));
        using (var udp = KernelLab.SocketIn(lab.Near, SocketType.Dgram, ProtocolType.Udp))
        {
            udp.Bind(new IPEndPoint(KernelLab.NearAddress, 40001));
            for (var i = 0; i < 3; i++) SendDropped(udp, 9999);
        }

        var packets = await collector.WaitForCountAsync(3);

        Assert.Equal(3, packets.Count);
        var outIndex = await KernelLab.InterfaceIndexAsync(lab.Near, "eth-p");
        Assert.All(packets, p =>
        {
            Assert.Equal(("pal:42", 42u, 0x1234u, (byte)3, (byte)2, Group), (p.Prefix, p.RuleNumber, p.Mark, p.Hook, p.Family, p.Group));
            Assert.Equal((0u, outIndex), (p.InputInterface, p.OutputInterface));
            var h = Assert.NotNull(p.Headers);
            Assert.Equal((17, KernelLab.NearAddress, KernelLab.PeerAddress), ((int)h.Protocol, h.SourceAddress, h.DestinationAddress));
            Assert.Equal((40001, 9999, 64), ((int)h.SourcePort, (int)h.DestinationPort, (int)h.Ttl));
        });
        Assert.Equal([0u, 1u, 2u], packets.Select(p => p.Sequence!.Value));
        Assert.Equal((3L, 0L, 0L), (collector.Reader.Received, collector.Reader.Lost, collector.Reader.Overruns));
        Assert.Equal(3, await KernelLab.CounterAsync(lab.Near, "t", "out"));
    }

    [Fact]
    public async Task Run_TcpConnect_EventIsTheSynWithItsPorts()
    {
        await using var lab = await KernelLab.CreateAsync();
        await KernelLab.LoadRulesAsync(lab.Near, OutputRules);
        using var collector = new NflogCollector(NflogReader.OpenIn(lab.Near, Group));
        using (var tcp = KernelLab.SocketIn(lab.Near, SocketType.Stream, ProtocolType.Tcp))
        {
            tcp.Bind(new IPEndPoint(KernelLab.NearAddress, 40002));
            var refused = Assert.Throws<SocketException>(() => tcp.Connect(KernelLab.PeerAddress, 9997));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }

        var packets = await collector.WaitForCountAsync(1);

        var syn = Assert.Single(packets);
        var h = Assert.NotNull(syn.Headers);
        Assert.Equal((6, 40002, 9997, TcpFlags.Syn), ((int)h.Protocol, (int)h.SourcePort, (int)h.DestinationPort, h.TcpFlags));
        Assert.Equal(9u, syn.RuleNumber);
    }

    [Fact]
    public async Task Run_IcmpEchoRequest_EventCarriesTypeCodeAndId()
    {
        await using var lab = await KernelLab.CreateAsync();
        await KernelLab.LoadRulesAsync(lab.Near, OutputRules);
        using var collector = new NflogCollector(NflogReader.OpenIn(lab.Near, Group));
        using (var icmp = KernelLab.SocketIn(lab.Near, SocketType.Raw, ProtocolType.Icmp))
        {
            icmp.SendTo(IcmpPackets.EchoRequest(id: 0x4242, sequence: 1), new IPEndPoint(KernelLab.PeerAddress, 0));
        }

        var packets = await collector.WaitForCountAsync(1);

        var echo = Assert.Single(packets);
        var h = Assert.NotNull(echo.Headers);
        Assert.Equal((1, 8, 0, 0x4242), ((int)h.Protocol, (int)h.IcmpType, (int)h.IcmpCode, (int)h.IcmpId));
        Assert.Equal("pal:3", echo.Prefix);
    }

    [Fact]
    public async Task Run_UdpDroppedAtPeerInput_EventCarriesInputInterface()
    {
        await using var lab = await KernelLab.CreateAsync();
        await KernelLab.LoadRulesAsync(lab.Peer, """
            table inet t {
              chain input { type filter hook input priority 0; udp dport 9999 counter log prefix "pal:77" group 6 drop; }
            }
            """);
        using var collector = new NflogCollector(NflogReader.OpenIn(lab.Peer, 6));
        using (var udp = KernelLab.SocketIn(lab.Near, SocketType.Dgram, ProtocolType.Udp))
        {
            for (var i = 0; i < 5; i++) udp.SendTo(new byte[10], new IPEndPoint(KernelLab.PeerAddress, 9999));
        }

        var packets = await collector.WaitForCountAsync(5);

        var inIndex = await KernelLab.InterfaceIndexAsync(lab.Peer, "eth-n");
        Assert.Equal(5, packets.Count);
        Assert.All(packets, p => Assert.Equal((77u, (byte)1, inIndex, 0u), (p.RuleNumber!.Value, p.Hook, p.InputInterface, p.OutputInterface)));
        Assert.Equal(5, await KernelLab.CounterAsync(lab.Peer, "t", "input"));
    }

    [Fact]
    public async Task Run_TwentyThousandPackets_ReceivedEqualsRuleCounterInSequenceWithNoneLost()
    {
        const int count = 20_000;
        await using var lab = await KernelLab.CreateAsync();
        await KernelLab.LoadRulesAsync(lab.Near, OutputRules);
        using var collector = new NflogCollector(NflogReader.OpenIn(lab.Near, Group));
        using (var udp = KernelLab.SocketIn(lab.Near, SocketType.Dgram, ProtocolType.Udp))
        {
            for (var i = 0; i < count; i++) udp.SendTo(new byte[16], new IPEndPoint(KernelLab.PeerAddress, 9998));
        }

        var packets = await collector.WaitForCountAsync(count);

        Assert.Equal(count, await KernelLab.CounterAsync(lab.Near, "t", "out"));
        Assert.Equal(Enumerable.Range(0, count).Select(i => (uint)i), packets.Select(p => p.Sequence!.Value));
        Assert.Equal((count, 0L, 0L), (collector.Reader.Received, collector.Reader.Lost, collector.Reader.Overruns));
        Assert.True(collector.Reader.Batches < count, $"{collector.Reader.Batches} batches for {count} events: the kernel did not batch");
    }

    [Fact]
    public async Task Run_BurstIntoATinyBufferNotBeingRead_CountsExactlyTheLostEvents()
    {
        const int burst = 2_000;
        await using var lab = await KernelLab.CreateAsync();
        await KernelLab.LoadRulesAsync(lab.Near, OutputRules);
        var reader = NflogReader.OpenIn(lab.Near, Group, new NflogOptions { ReceiveBufferSize = 4096, QueueThreshold = 8 });
        using var udp = KernelLab.SocketIn(lab.Near, SocketType.Dgram, ProtocolType.Udp);
        for (var i = 0; i < burst; i++) udp.SendTo(new byte[16], new IPEndPoint(KernelLab.PeerAddress, 9998));

        using var collector = new NflogCollector(reader);
        var sentinels = 0;
        while (sentinels < 20 && !HasSentinel(collector.Packets))
        {
            udp.SendTo(new byte[16], new IPEndPoint(KernelLab.PeerAddress, 9996));
            sentinels++;
            await collector.WaitAsync(HasSentinel, TimeSpan.FromSeconds(1));
        }

        var logged = await KernelLab.CounterAsync(lab.Near, "t", "out");
        Assert.Equal(burst + sentinels, logged);
        Assert.True(reader.Lost > 0, $"nothing lost: {reader.Received} received");
        Assert.True(reader.Overruns > 0, "no ENOBUFS reported");
        Assert.Equal(logged, reader.Received + reader.Lost);
    }

    [Fact]
    public async Task Poll_OnceWarm_AllocatesNothingWhileDecodingEvents()
    {
        const int count = 5_000;
        await using var lab = await KernelLab.CreateAsync();
        await KernelLab.LoadRulesAsync(lab.Near, OutputRules);
        using var reader = NflogReader.OpenIn(lab.Near, Group);
        using (var udp = KernelLab.SocketIn(lab.Near, SocketType.Dgram, ProtocolType.Udp))
        {
            for (var i = 0; i < count; i++) udp.SendTo(new byte[16], new IPEndPoint(KernelLab.PeerAddress, 9998));
        }
        var parsed = 0;
        NflogHandler handler = (in NflogEvent e) => parsed += PacketHeaders.TryParse(e.Payload, out var h) && h.DestinationPort == 9998 ? 1 : 0;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (parsed == 0 && DateTime.UtcNow < deadline) reader.Poll(handler, 100);

        var before = GC.GetAllocatedBytesForCurrentThread();
        while (parsed < count && DateTime.UtcNow < deadline) reader.Poll(handler, 100);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(count, parsed);
        Assert.True(allocated < 1024, $"{allocated} bytes allocated for {count} events");
    }

    [Fact]
    public async Task Open_CopyRange_CutsThePayload()
    {
        await using var lab = await KernelLab.CreateAsync();
        await KernelLab.LoadRulesAsync(lab.Near, OutputRules);
        var lengths = new List<int>();
        using var reader = NflogReader.OpenIn(lab.Near, Group, new NflogOptions { CopyRange = 40 });
        using (var udp = KernelLab.SocketIn(lab.Near, SocketType.Dgram, ProtocolType.Udp))
        {
            udp.SendTo(new byte[500], new IPEndPoint(KernelLab.PeerAddress, 9998));
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (lengths.Count == 0 && DateTime.UtcNow < deadline) reader.Poll((in NflogEvent e) => lengths.Add(e.Payload.Length), 100);

        Assert.Equal([40], lengths);
    }

    private static bool HasSentinel(IReadOnlyList<LoggedPacket> packets) => packets.Any(p => p.Headers?.DestinationPort == 9996);

    private static void SendDropped(Socket udp, int port)
    {
        var e = Assert.Throws<SocketException>(() => udp.SendTo(new byte[32], new IPEndPoint(KernelLab.PeerAddress, port)));
        Assert.Equal(SocketError.AccessDenied, e.SocketErrorCode);
    }
}
