using System.Net;
using Palisade.Observe.Kernel;

namespace Palisade.Observe.Tests.Kernel;

public sealed class PacketHeadersTests
{
    private const uint Source = 0x0A010203;
    private const uint Destination = 0x0A040506;

    [Fact]
    public void TryParse_IPv4Udp_ReadsAddressesProtocolTtlLengthAndPorts()
    {
        Assert.True(PacketHeaders.TryParse(Packets.IPv4(17, Packets.Udp(5353, 53), ttl: 9), out var h));

        Assert.Equal((4, Source, Destination, 17, 9, 28), ((int)h.Version, (uint)h.Source, (uint)h.Destination, (int)h.Protocol, (int)h.Ttl, h.TotalLength));
        Assert.Equal((true, 5353, 53, TcpFlags.None), (h.HasTransport, (int)h.SourcePort, (int)h.DestinationPort, h.TcpFlags));
        Assert.Equal((IPAddress.Parse("10.1.2.3"), IPAddress.Parse("10.4.5.6")), (h.SourceAddress, h.DestinationAddress));
    }

    [Fact]
    public void TryParse_IPv4WithOptionsAndTcp_ReadsPortsAndEveryFlag()
    {
        const TcpFlags all = TcpFlags.Fin | TcpFlags.Syn | TcpFlags.Rst | TcpFlags.Psh | TcpFlags.Ack | TcpFlags.Urg | TcpFlags.Ece | TcpFlags.Cwr | TcpFlags.Ns;

        Assert.True(PacketHeaders.TryParse(Packets.IPv4(6, Packets.Tcp(40000, 443, all), optionWords: 3), out var h));

        Assert.Equal((6, 40000, 443, all), ((int)h.Protocol, (int)h.SourcePort, (int)h.DestinationPort, h.TcpFlags));
    }

    [Fact]
    public void TryParse_TcpSynAck_ReadsJustThoseFlags()
    {
        Assert.True(PacketHeaders.TryParse(Packets.IPv4(6, Packets.Tcp(80, 50000, TcpFlags.Syn | TcpFlags.Ack)), out var h));

        Assert.Equal(TcpFlags.Syn | TcpFlags.Ack, h.TcpFlags);
    }

    [Fact]
    public void TryParse_IPv4Sctp_ReadsPorts()
    {
        Assert.True(PacketHeaders.TryParse(Packets.IPv4(132, Packets.Sctp(2905, 3868)), out var h));

        Assert.Equal((132, 2905, 3868), ((int)h.Protocol, (int)h.SourcePort, (int)h.DestinationPort));
    }

    [Theory]
    [InlineData(8, 0, 0x1234, 0x1234)]
    [InlineData(0, 0, 0x4321, 0x4321)]
    [InlineData(3, 3, 0x9999, 0)]
    public void TryParse_Icmp_ReadsTypeCodeAndTheIdOfEchoesOnly(byte type, byte code, ushort id, ushort expectedId)
    {
        Assert.True(PacketHeaders.TryParse(Packets.IPv4(1, Packets.Icmp(type, code, id)), out var h));

        Assert.Equal((true, type, code, expectedId), (h.HasTransport, h.IcmpType, h.IcmpCode, h.IcmpId));
    }

    [Fact]
    public void TryParse_LaterIPv4Fragment_HasNoTransport()
    {
        Assert.True(PacketHeaders.TryParse(Packets.IPv4(17, Packets.Udp(1, 2), fragment: 0x2000 | 185), out var h));

        Assert.Equal((1480, true, false, 0), (h.FragmentOffset, h.MoreFragments, h.HasTransport, (int)h.DestinationPort));
    }

    [Fact]
    public void TryParse_FirstIPv4FragmentWithMoreToCome_HasTransport()
    {
        Assert.True(PacketHeaders.TryParse(Packets.IPv4(17, Packets.Udp(1, 2), fragment: 0x2000), out var h));

        Assert.Equal((0, true, true, 2), (h.FragmentOffset, h.MoreFragments, h.HasTransport, (int)h.DestinationPort));
    }

    [Fact]
    public void TryParse_TransportHeaderCutShort_ReadsTheIPHeaderOnly()
    {
        var packet = Packets.IPv4(6, Packets.Tcp(1000, 2000, TcpFlags.Syn));

        Assert.True(PacketHeaders.TryParse(packet.AsSpan(0, 30), out var h));

        Assert.Equal((6, false, 0, TcpFlags.None), ((int)h.Protocol, h.HasTransport, (int)h.SourcePort, h.TcpFlags));
    }

    [Fact]
    public void TryParse_IPv6UdpAfterHopByHopAndDestinationOptions_ReadsPorts()
    {
        var packet = Packets.IPv6(0, Packets.Extension(60, Packets.Extension(17, Packets.Udp(546, 547))));

        Assert.True(PacketHeaders.TryParse(packet, out var h));

        Assert.Equal((6, 17, 63, 546, 547), ((int)h.Version, (int)h.Protocol, (int)h.Ttl, (int)h.SourcePort, (int)h.DestinationPort));
        Assert.Equal((IPAddress.Parse("2001:db8::1"), IPAddress.Parse("2001:db8::2")), (h.SourceAddress, h.DestinationAddress));
        Assert.Equal(packet.Length, h.TotalLength);
    }

    [Fact]
    public void TryParse_IPv6LaterFragment_HasNoTransport()
    {
        var packet = Packets.IPv6(44, Packets.FragmentHeader(17, 1232, more: false, Packets.Udp(1, 2)));

        Assert.True(PacketHeaders.TryParse(packet, out var h));

        Assert.Equal((17, 1232, false, false), ((int)h.Protocol, h.FragmentOffset, h.MoreFragments, h.HasTransport));
    }

    [Fact]
    public void TryParse_IPv6EchoRequest_ReadsIcmpv6TypeAndId()
    {
        Assert.True(PacketHeaders.TryParse(Packets.IPv6(58, Packets.Icmp(128, 0, 0x0707)), out var h));

        Assert.Equal((58, 128, 0x0707), ((int)h.Protocol, (int)h.IcmpType, (int)h.IcmpId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("45")]
    [InlineData("5500001c00000000401100000a0102030a040506")]
    [InlineData("4400001c00000000401100000a0102030a040506")]
    [InlineData("4600001c00000000401100000a0102030a040506")]
    [InlineData("6000000000081140")]
    public void TryParse_NotAWholeIPHeader_ReturnsFalse(string hex)
    {
        Assert.False(PacketHeaders.TryParse(Convert.FromHexString(hex), out var h));
        Assert.Equal(default, h);
    }

    [Fact]
    public void TryParse_RandomAndTruncatedBuffers_NeverThrowsAndOnlyAcceptsIP()
    {
        var random = new Random(20261123);
        var samples = new[]
        {
            Packets.IPv4(6, Packets.Tcp(1, 2, TcpFlags.Syn), optionWords: 2),
            Packets.IPv6(0, Packets.Extension(44, Packets.FragmentHeader(6, 0, true, Packets.Tcp(3, 4, TcpFlags.Ack)))),
        };
        var accepted = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var buffer = i % 2 == 0 ? RandomBytes(random) : Mutated(random, samples[i % 4 / 2]);
            if (!PacketHeaders.TryParse(buffer, out var h)) continue;
            accepted++;
            Assert.True(h.Version is 4 or 6, $"version {h.Version} accepted");
        }
        Assert.InRange(accepted, 1, 99_999);
    }

    private static byte[] RandomBytes(Random random)
    {
        var buffer = new byte[random.Next(0, 130)];
        random.NextBytes(buffer);
        if (buffer.Length > 0 && random.Next(2) == 0) buffer[0] = (byte)((random.Next(2) == 0 ? 0x40 : 0x60) | (buffer[0] & 0x0f));
        return buffer;
    }

    private static byte[] Mutated(Random random, byte[] sample)
    {
        var buffer = sample[..random.Next(0, sample.Length + 1)];
        for (var flips = random.Next(0, 4); flips > 0 && buffer.Length > 0; flips--) buffer[random.Next(buffer.Length)] = (byte)random.Next(256);
        return buffer;
    }
}
