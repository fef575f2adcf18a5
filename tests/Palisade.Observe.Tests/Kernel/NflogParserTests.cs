using System.Text;
using Palisade.Observe.Kernel;
using static Palisade.Observe.Tests.Kernel.NetlinkBytes;

namespace Palisade.Observe.Tests.Kernel;

public sealed class NflogParserTests
{
    private const ushort PacketMessage = 4 << 8;
    private static readonly DateTime ReceivedAt = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Parse_PacketMessage_DecodesEveryField()
    {
        var payload = Packets.IPv4(17, Packets.Udp(1234, 9999));
        var message = Message(PacketMessage, 0, 2, 5,
            Attr(1, Be16(0x0800), [3, 0]),
            Attr(2, Be32(0x1234)),
            Attr(3, Be64(1_800_000_000), Be64(250_000)),
            Attr(4, Be32(7)),
            Attr(5, Be32(9)),
            Attr(10, Encoding.ASCII.GetBytes("pal:42\0")),
            Attr(12, Be32(0)),
            Attr(9, payload));
        LoggedPacket? got = null;
        (DateTime, bool, ushort, int) extra = default;

        var count = new NflogParser().Parse(message, ReceivedAt, (in NflogEvent e) =>
        {
            got = LoggedPacket.From(e);
            extra = (e.Timestamp, e.HasKernelTimestamp, e.HardwareProtocol, e.Payload.Length);
        });

        Assert.Equal(1, count);
        Assert.Equal(new LoggedPacket("pal:42", 42, 2, 5, 3, 0x1234, 7, 9, 0, got!.Headers), got);
        Assert.Equal((9999, 1234), ((int)got.Headers!.Value.DestinationPort, (int)got.Headers.Value.SourcePort));
        Assert.Equal((DateTime.UnixEpoch.AddSeconds(1_800_000_000).AddMilliseconds(250), true, (ushort)0x0800, payload.Length), extra);
    }

    [Fact]
    public void Parse_NoKernelTimestampNorSequence_UsesTheReceiveTime()
    {
        var message = Message(PacketMessage, 0, 2, 5, Attr(9, Packets.IPv4(1, Packets.Icmp(8, 0, 1))));
        (DateTime, bool, bool) got = default;

        new NflogParser().Parse(message, ReceivedAt, (in NflogEvent e) => got = (e.Timestamp, e.HasKernelTimestamp, e.HasSequence));

        Assert.Equal((ReceivedAt, false, false), got);
    }

    [Fact]
    public void Parse_GapsInSequenceNumbers_CountTheMissingEventsFromZero()
    {
        var parser = new NflogParser();
        byte[] first = [.. Sequenced(2), .. Sequenced(3)];

        parser.Parse(first, ReceivedAt, (in NflogEvent _) => { });
        parser.Parse(Sequenced(7), ReceivedAt, (in NflogEvent _) => { });

        Assert.Equal((3L, 5L), (parser.Received, parser.Lost));
    }

    [Fact]
    public void Parse_OtherMessagesAndATruncatedTail_AreSkipped()
    {
        var done = Message(3, 0, 0, 0);
        var truncated = Sequenced(2)[..24];
        byte[] datagram = [.. Sequenced(0), .. done, .. Sequenced(1), .. truncated];
        var sequences = new List<uint>();

        var count = new NflogParser().Parse(datagram, ReceivedAt, (in NflogEvent e) => sequences.Add(e.Sequence));

        Assert.Equal(2, count);
        Assert.Equal([0u, 1u], sequences);
    }

    [Theory]
    [InlineData("pal:123", 123u)]
    [InlineData("a:b:7", 7u)]
    [InlineData("pal:4294967295", 4294967295u)]
    [InlineData("pal:", null)]
    [InlineData("pal", null)]
    [InlineData("pal:12a", null)]
    [InlineData("pal:4294967296", null)]
    [InlineData("", null)]
    public void TryParsePrefixNumber_ReadsTheDigitsAfterTheLastColon(string prefix, uint? expected)
    {
        var e = new NflogEvent { Prefix = Encoding.ASCII.GetBytes(prefix) };

        var parsed = e.TryParsePrefixNumber(out var number);

        Assert.Equal(expected, parsed ? number : null);
    }

    private static byte[] Sequenced(uint seq) => Message(PacketMessage, 0, 2, 5, Attr(12, Be32(seq)));
}
