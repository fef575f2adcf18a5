using Palisade.Datapath.Nft;
using static Palisade.Datapath.Nft.NftField;

namespace Palisade.Datapath.Tests.Nft;

public sealed class NftRuleTests
{
    public static TheoryData<NftStatement, string> Statements => new()
    {
        { NftMatch.Of(CtState, "established", "related"), "ct state established,related" },
        { NftMatch.Of(MetaL4Proto, "tcp", "udp"), "meta l4proto { tcp, udp }" },
        { NftMatch.Not(IpSaddr, "10.0.0.0/8"), "ip saddr != 10.0.0.0/8" },
        { NftMatch.Of(ThDport, "80-90"), "th dport 80-90" },
        { NftMatch.Of(IifName, "eth-a"), "iifname \"eth-a\"" },
        { new NftLookup([IpSaddr, MetaL4Proto, ThDport], "allowed"), "ip saddr . meta l4proto . th dport @allowed" },
        { new NftLookup([IpDaddr], "blocked", negated: true), "ip daddr != @blocked" },
        { new NftVerdictMap([IpDaddr, ThDport], "dispatch"), "ip daddr . th dport vmap @dispatch" },
        { NftMarkSet.FromMap(NftMarkTarget.Meta, [IpSaddr], "ip2id"), "meta mark set ip saddr map @ip2id" },
        { NftMarkSet.FromMap(NftMarkTarget.Ct, [IpDaddr], "ip2id"), "ct mark set ip daddr map @ip2id" },
        { NftMarkSet.To(NftMarkTarget.Meta, 0x4000), "meta mark set 0x00004000" },
        { new NftCounter(), "counter" },
        { new NftLog("drop: ", 3), "log prefix \"drop: \" group 3" },
        { new NftVerdictStatement(NftVerdict.Goto("pod-x")), "goto pod-x" },
        { new NftVerdictStatement(NftVerdict.Reject), "reject" },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void ToString_EachStatement_IsNftSyntax(NftStatement statement, string text) => Assert.Equal(text, statement.ToString());

    [Fact]
    public void ToString_RuleWithComment_PutsTheCommentLast() =>
        Assert.Equal("ct state new counter accept comment \"new flows\"",
            NftRule.Of(NftMatch.Of(CtState, "new"), new NftCounter(), new NftVerdictStatement(NftVerdict.Accept)).WithComment("new flows").ToString());

    [Fact]
    public void Rule_StatementAfterAVerdict_IsRefused()
    {
        var e = Assert.Throws<NftException>(() => NftRule.Of(new NftVerdictStatement(NftVerdict.Accept), new NftCounter()));
        Assert.Contains("'accept' ends the rule", e.Message);
    }

    [Fact]
    public void Rule_StatementAfterAVerdictMap_IsRefused() =>
        Assert.Throws<NftException>(() => NftRule.Of(new NftVerdictMap([IpDaddr], "m"), new NftCounter()));

    [Theory]
    [InlineData("say \"hi\"")]
    [InlineData("two\nlines")]
    public void Rule_CommentNftCannotQuote_IsRefused(string comment) =>
        Assert.Throws<NftException>(() => new NftRule([new NftCounter()], comment));

    [Fact]
    public void Rule_CommentLongerThanNftTakes_IsRefused() =>
        Assert.Throws<NftException>(() => new NftRule([new NftCounter()], new string('c', NftRule.MaxComment + 1)));

    [Fact]
    public void Match_ValueOfAnotherType_NamesFieldAndType()
    {
        var e = Assert.Throws<NftException>(() => new NftMatch(IpSaddr, [NftValue.Port(80)]));
        Assert.Contains("ip saddr cannot match 80, a inet_service", e.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Log_GroupOutsideSixteenBits_IsRefused(int group) => Assert.Throws<NftException>(() => new NftLog(group: group));

    [Fact]
    public void Lookup_OnAnInterfaceNameInAConcatenation_IsRefused() => Assert.Throws<NftException>(() => new NftLookup([IifName, IpSaddr], "s"));

    [Fact]
    public void VerdictMap_OnAnInterfaceName_IsAKeyOfOnePart() => Assert.Equal("iifname vmap @eps", new NftVerdictMap([IifName], "eps").ToString());

    [Fact]
    public void Hook_NatOnForward_IsRefused() =>
        Assert.Throws<NftException>(() => new NftHook(NftChainType.Nat, NftHookPoint.Forward, 0));
}
