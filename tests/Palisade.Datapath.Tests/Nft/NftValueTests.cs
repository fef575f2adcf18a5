using System.Net;
using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Tests.Nft;

public sealed class NftValueTests
{
    [Theory]
    [InlineData(NftDataType.Ipv4Addr, "10.0.0.1", "10.0.0.1")]
    [InlineData(NftDataType.Ipv4Addr, "10.1.2.3/8", "10.0.0.0/8")]
    [InlineData(NftDataType.Ipv4Addr, "10.0.0.7/32", "10.0.0.7")]
    [InlineData(NftDataType.Ipv4Addr, "0.0.0.0/0", "0.0.0.0/0")]
    [InlineData(NftDataType.Ipv4Addr, "10.0.0.1-10.0.0.9", "10.0.0.1-10.0.0.9")]
    [InlineData(NftDataType.Ipv4Addr, "10.0.0.0-10.0.0.255", "10.0.0.0/24")]
    [InlineData(NftDataType.InetProto, "6", "tcp")]
    [InlineData(NftDataType.InetProto, "sctp", "sctp")]
    [InlineData(NftDataType.InetProto, "ipv6-icmp", "icmpv6")]
    [InlineData(NftDataType.InetProto, "200", "200")]
    [InlineData(NftDataType.InetService, "80-90", "80-90")]
    [InlineData(NftDataType.InetService, "443-443", "443")]
    [InlineData(NftDataType.Mark, "1", "0x00000001")]
    [InlineData(NftDataType.Mark, "0xFFFFFFFF", "0xffffffff")]
    [InlineData(NftDataType.Mark, "0x10-0x1f", "0x00000010-0x0000001f")]
    [InlineData(NftDataType.CtState, "established", "established")]
    [InlineData(NftDataType.IfName, "eth-a", "\"eth-a\"")]
    public void Parse_ValueAsNftWritesIt_PrintsCanonically(NftDataType type, string text, string canonical) =>
        Assert.Equal(canonical, NftValue.Parse(type, text).ToString());

    [Theory]
    [InlineData(NftDataType.Ipv4Addr, "10.0.0.256")]
    [InlineData(NftDataType.Ipv4Addr, "10.0.1")]
    [InlineData(NftDataType.Ipv4Addr, "10.0.0.0/33")]
    [InlineData(NftDataType.Ipv4Addr, "fe80::1")]
    [InlineData(NftDataType.Ipv4Addr, "10.0.0.9-10.0.0.1")]
    [InlineData(NftDataType.InetProto, "tcpp")]
    [InlineData(NftDataType.InetProto, "256")]
    [InlineData(NftDataType.InetProto, "6-17")]
    [InlineData(NftDataType.InetService, "65536")]
    [InlineData(NftDataType.InetService, "http")]
    [InlineData(NftDataType.InetService, "90-80")]
    [InlineData(NftDataType.Mark, "0x100000000")]
    [InlineData(NftDataType.Mark, "-1")]
    [InlineData(NftDataType.CtState, "Established")]
    [InlineData(NftDataType.IfName, "an-interface-name-too-long")]
    [InlineData(NftDataType.IfName, "eth 0")]
    public void Parse_TextThatIsNotOfTheType_IsRefusedNamingTheText(NftDataType type, string text)
    {
        var e = Assert.Throws<NftException>(() => NftValue.Parse(type, text));
        Assert.Contains($"'{text}'", e.Message);
    }

    [Fact]
    public void Prefix_SameAddressesWrittenAsARange_IsEqual() =>
        Assert.Equal(NftValue.Prefix(IPAddress.Parse("192.168.0.0"), 16), NftValue.Parse(NftDataType.Ipv4Addr, "192.168.0.0-192.168.255.255"));

    [Fact]
    public void Contains_PrefixBoundaries_AreInsideAndTheirNeighboursOutside()
    {
        var prefix = NftValue.Parse(NftDataType.Ipv4Addr, "10.1.0.0/16");
        uint Number(string a) => NftValue.Parse(NftDataType.Ipv4Addr, a).Low;
        Assert.True(prefix.Contains(Number("10.1.0.0")));
        Assert.True(prefix.Contains(Number("10.1.255.255")));
        Assert.False(prefix.Contains(Number("10.0.255.255")));
        Assert.False(prefix.Contains(Number("10.2.0.0")));
    }
}
