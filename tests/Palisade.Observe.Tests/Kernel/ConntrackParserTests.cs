using System.Net;
using Palisade.Observe.Kernel;
using static Palisade.Observe.Tests.Kernel.NetlinkBytes;

namespace Palisade.Observe.Tests.Kernel;

public sealed class ConntrackParserTests
{
    private const ushort NewMessage = 1 << 8;
    private const ushort DeleteMessage = (1 << 8) | 2;
    private static readonly byte[] Client = IPAddress.Parse("2001:db8::1").GetAddressBytes();
    private static readonly byte[] Server = IPAddress.Parse("2001:db8::2").GetAddressBytes();

    [Fact]
    public void TryParse_IPv6TcpDestroy_ReadsTuplesStatusMarkIdStateCountersAndTimes()
    {
        var message = Message(DeleteMessage, 0, 10, 0,
            Tuple(1, Client, Server, 40000, 443),
            Tuple(2, Server, Client, 443, 40000),
            Attr(3, Be32(0xE)),
            Attr(8, Be32(7)),
            Attr(12, Be32(99)),
            Attr(4 | Nested, Attr(1 | Nested, Attr(1, [7]))),
            Attr(9 | Nested, Attr(1, Be64(10)), Attr(2, Be64(1000))),
            Attr(10 | Nested, Attr(1, Be64(8)), Attr(2, Be64(4000))),
            Attr(20 | Nested, Attr(1, Be64(1_800_000_000_000_000_000)), Attr(2, Be64(1_800_000_001_500_000_000))));

        Assert.True(ConntrackParser.TryParse(message, out var e));

        Assert.Equal(ConntrackEventType.Destroy, e.Type);
        Assert.Equal((true, IPAddress.Parse("2001:db8::1"), IPAddress.Parse("2001:db8::2")), (e.Original.IsIPv6, e.Original.SourceAddress, e.Original.DestinationAddress));
        Assert.Equal((6, 40000, 443), ((int)e.Original.Protocol, (int)e.Original.SourcePort, (int)e.Original.DestinationPort));
        Assert.Equal((443, 40000), ((int)e.Reply.SourcePort, (int)e.Reply.DestinationPort));
        Assert.Equal((ConntrackStatus.SeenReply | ConntrackStatus.Assured | ConntrackStatus.Confirmed, 7u, 99u, (byte)7), (e.Status, e.Mark, e.Id, e.TcpState));
        Assert.Equal((true, 10ul, 1000ul, 8ul, 4000ul), (e.HasCounters, e.OriginalPackets, e.OriginalBytes, e.ReplyPackets, e.ReplyBytes));
        Assert.Equal(TimeSpan.FromSeconds(1.5), e.Stopped - e.Started);
    }

    [Theory]
    [InlineData(0x0600, ConntrackEventType.New)]
    [InlineData(0, ConntrackEventType.Update)]
    public void TryParse_NewMessage_IsNewWhenCreatedElseUpdate(ushort flags, ConntrackEventType expected)
    {
        Assert.True(ConntrackParser.TryParse(Message(NewMessage, flags, 2, 0), out var e));

        Assert.Equal((expected, false, (DateTime?)null), (e.Type, e.HasCounters, e.Started));
    }

    [Fact]
    public void TryParse_OtherSubsystemsMessage_ReturnsFalse()
    {
        Assert.False(ConntrackParser.TryParse(Message(4 << 8, 0, 2, 0), out _));
    }

    private static byte[] Tuple(ushort type, byte[] source, byte[] destination, ushort sourcePort, ushort destinationPort) =>
        Attr((ushort)(type | Nested),
            Attr(1 | Nested, Attr(3, source), Attr(4, destination)),
            Attr(2 | Nested, Attr(1, [6]), Attr(2, Be16(sourcePort)), Attr(3, Be16(destinationPort))));
}
