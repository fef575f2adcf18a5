using Palisade.Datapath.Nft;
using static Palisade.Datapath.Tests.Support.NftSamples;

namespace Palisade.Datapath.Tests.Nft;

public sealed class NftSetTests
{
    [Theory]
    [InlineData("10.0.0.1 . tcp . 80")]
    [InlineData("10.0.0.0/8 . udp . 1000-2000")]
    [InlineData("10.0.0.1-10.0.0.9 . 132 . 0")]
    public void Element_FittingTheConcatenatedKey_IsAccepted(string text) => Assert.Equal(3, Allowed.Element(text).Key.Count);

    [Theory]
    [InlineData("10.0.0.1 . tcp", "2 key parts")]
    [InlineData("10.0.0.1 . tcp . 80 . 1", "4 key parts")]
    [InlineData("tcp . 10.0.0.1 . 80", "'tcp' is not a valid ipv4_addr")]
    [InlineData("10.0.0.1 . tcp . 70000", "'70000' is not a valid inet_service")]
    [InlineData("10.0.0.1 . tcp . 80 : accept", "a set holds keys only")]
    public void Element_NotFittingTheKey_IsRefusedNamingSetAndElement(string text, string reason)
    {
        var e = Assert.Throws<NftException>(() => Allowed.Element(text));
        Assert.Contains($"element '{text}' does not fit set inet palisade allowed", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Element_PrefixInASetWithoutIntervals_AsksForTheIntervalFlag()
    {
        var e = Assert.Throws<NftException>(() => AllowedIds.Element("1 . 2 . tcp . 7000-7010"));
        Assert.Contains("needs flags interval", e.Message);
    }

    [Theory]
    [InlineData("10.0.0.1", "write 'key : mark'")]
    [InlineData("10.0.0.1 : drop", "'drop' is not a valid mark")]
    public void Element_MarkMapWithoutAMark_IsRefused(string text, string reason) =>
        Assert.Contains(reason, Assert.Throws<NftException>(() => Identities.Element(text)).Message);

    [Fact]
    public void Element_RejectInAVerdictMap_SaysToMapToAChain()
    {
        var e = Assert.Throws<NftException>(() => Dispatch.Element("10.0.0.1 : reject"));
        Assert.Contains("map to a chain that rejects", e.Message);
    }

    [Fact]
    public void Element_VerdictMap_KeepsTheJumpTarget() =>
        Assert.Equal(NftVerdict.Goto("pod-a"), Dispatch.Element("10.0.0.1 : goto pod-a").Verdict);

    [Fact]
    public void Check_ElementOfAnotherKeyType_NamesThePart()
    {
        var element = AllowedIds.Element("1 . 2 . tcp . 80");
        var e = Assert.Throws<NftException>(() => Allowed.Check(element));
        Assert.Contains("4 key parts", e.Message);
    }

    [Fact]
    public void Declaration_ConstantIntervalMap_ListsTypeDataAndFlags() =>
        Assert.Equal("{ type ipv4_addr : mark; flags constant,interval; }",
            new NftSet(Table, "m", NftKeyType.Of(NftDataType.Ipv4Addr), NftSetFlags.Constant | NftSetFlags.Interval, NftMapData.Mark).Declaration);

    [Fact]
    public void KeyType_CtStateInASetKey_IsRefused() =>
        Assert.Throws<NftException>(() => NftKeyType.Of(NftDataType.Ipv4Addr, NftDataType.CtState));
}
