using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Tests.Nft;

public sealed class NftNameTests
{
    private static readonly NftTable Table = new(NftFamily.Inet, "palisade");

    [Theory]
    [InlineData("forward")]
    [InlineData("pol-1a2b3c-default/frontend")]
    [InlineData("_private")]
    [InlineData(".hidden")]
    [InlineData("Mixed.Case_9")]
    public void Chain_NameNftParses_IsAccepted(string name) => Assert.Equal(name, new NftChain(Table, name).Name);

    [Theory]
    [InlineData("fwd", "nft keyword")]
    [InlineData("accept", "nft keyword")]
    [InlineData("ip", "nft keyword")]
    [InlineData("1chain", "must start with a letter")]
    [InlineData("a b", "has ' '")]
    [InlineData("a:b", "has ':'")]
    [InlineData("", "empty")]
    public void Chain_NameNftCannotParse_IsRefusedNamingTheChain(string name, string reason)
    {
        var e = Assert.Throws<NftException>(() => new NftChain(Table, name));
        Assert.Contains($"chain inet palisade {name}", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Set_NameOfTheKernelsMaximumLength_IsAccepted() =>
        Assert.Equal(255, new NftSet(Table, new string('s', 255), NftKeyType.Of(NftDataType.Mark)).Name.Length);

    [Fact]
    public void Set_NameLongerThanTheKernelTakes_IsRefused()
    {
        var e = Assert.Throws<NftException>(() => new NftSet(Table, new string('s', 256), NftKeyType.Of(NftDataType.Mark)));
        Assert.Contains("256 characters", e.Message);
    }

    [Fact]
    public void Table_KeywordName_IsRefusedNamingTheTable()
    {
        var e = Assert.Throws<NftException>(() => new NftTable(NftFamily.Ip, "table"));
        Assert.Contains("table ip table", e.Message);
    }

    [Fact]
    public void Jump_ToKeywordName_IsRefused() => Assert.Throws<NftException>(() => NftVerdict.Jump("drop"));
}
