using Palisade.Datapath.Nft;
using static Palisade.Datapath.Tests.Support.NftSamples;

namespace Palisade.Datapath.Tests.Nft;

public sealed class NftTransactionTests
{
    private static NftTransaction WithTableAndChains() => new NftTransaction().AddTable(Table).AddChain(Forward).AddChain(PolicyChain);

    [Fact]
    public void AddChain_TableNotAdded_NamesTheTable()
    {
        var e = Assert.Throws<NftException>(() => new NftTransaction().AddChain(Forward));
        Assert.Contains("table inet palisade is neither added", e.Message);
    }

    [Fact]
    public void AddRule_LookupInAMissingSet_NamesTheSet()
    {
        var e = Assert.Throws<NftException>(() => WithTableAndChains().AddRule(PolicyChain, new NftLookup([NftField.IpSaddr, NftField.MetaL4Proto, NftField.ThDport], "allowed"), Accept));
        Assert.StartsWith("add rule inet palisade pol ip saddr . meta l4proto . th dport @allowed accept:", e.Message);
        Assert.Contains("set inet palisade allowed does not exist", e.Message);
    }

    [Fact]
    public void AddRule_LookupWhoseFieldsDoNotMakeTheSetsKey_GivesBothTypes()
    {
        var e = Assert.Throws<NftException>(() => WithTableAndChains().AddSet(Allowed).AddRule(PolicyChain, new NftLookup([NftField.IpSaddr, NftField.ThDport], "allowed"), Accept));
        Assert.Contains("@allowed has key type ipv4_addr . inet_proto . inet_service, the expression has type ipv4_addr . inet_service", e.Message);
    }

    [Fact]
    public void AddRule_VerdictMapLookupInASet_SaysItMustBeAMap()
    {
        var e = Assert.Throws<NftException>(() => WithTableAndChains().AddSet(Allowed).AddRule(PolicyChain, new NftVerdictMap([NftField.IpSaddr, NftField.MetaL4Proto, NftField.ThDport], "allowed")));
        Assert.Contains("@allowed must be a map to verdicts", e.Message);
    }

    [Fact]
    public void AddRule_JumpToAChainNotInTheTable_NamesTheChain()
    {
        var e = Assert.Throws<NftException>(() => WithTableAndChains().AddRule(Forward, new NftVerdictStatement(NftVerdict.Jump("pods"))));
        Assert.Contains("chain inet palisade pods does not exist", e.Message);
    }

    [Fact]
    public void AddRule_JumpToABaseChain_IsRefused()
    {
        var e = Assert.Throws<NftException>(() => WithTableAndChains().AddRule(PolicyChain, new NftVerdictStatement(NftVerdict.Jump("forward"))));
        Assert.Contains("is a base chain", e.Message);
    }

    [Fact]
    public void AddRule_ChainAddedOnlyInAnotherTable_IsRefused()
    {
        var other = new NftChain(new NftTable(NftFamily.Ip, "other"), "pol");
        Assert.Throws<NftException>(() => WithTableAndChains().AddRule(other, new NftCounter()));
    }

    [Fact]
    public void AddElements_SetNotAdded_NamesTheSet()
    {
        var e = Assert.Throws<NftException>(() => WithTableAndChains().AddElements(Allowed, "10.0.0.1 . tcp . 80"));
        Assert.Contains("set inet palisade allowed is neither added", e.Message);
    }

    [Fact]
    public void AddElements_ElementNotFittingTheKeyType_NamesElementAndSet()
    {
        var e = Assert.Throws<NftException>(() => WithTableAndChains().AddSet(Allowed).AddElements(Allowed, "10.0.0.1 . tcp . 80", "10.0.0.2 . 80 . tcp"));
        Assert.Contains("element '10.0.0.2 . 80 . tcp' does not fit set inet palisade allowed", e.Message);
    }

    [Fact]
    public void AddElements_VerdictJumpingToAMissingChain_NamesTheChain()
    {
        var e = Assert.Throws<NftException>(() => WithTableAndChains().AddSet(Dispatch).AddElements(Dispatch, "10.0.0.1 : goto pod-a"));
        Assert.Contains("chain inet palisade pod-a does not exist", e.Message);
    }

    [Fact]
    public void AddElements_SetDeclaredDifferentlyInTheCatalogue_GivesBothDeclarations()
    {
        var stale = new NftSet(Table, "allowed", NftKeyType.Of(NftDataType.Ipv4Addr));
        var e = Assert.Throws<NftException>(() => WithTableAndChains().AddSet(Allowed).AddElements(stale, "10.0.0.1"));
        Assert.Contains("is declared { type ipv4_addr . inet_proto . inet_service; flags interval; }, not { type ipv4_addr; }", e.Message);
    }

    [Fact]
    public void AddSet_SameNameOtherType_IsRefused() =>
        Assert.Throws<NftException>(() => WithTableAndChains().AddSet(Allowed).AddSet(new NftSet(Table, "allowed", NftKeyType.Of(NftDataType.Mark))));

    [Fact]
    public void AddChain_BaseChainAgainWithAnotherPolicy_IsAnUpdate()
    {
        var open = new NftChain(Table, "forward", new NftHook(NftChainType.Filter, NftHookPoint.Forward, 0, NftPolicy.Accept));
        var transaction = WithTableAndChains().AddChain(open);
        Assert.Equal(NftPolicy.Accept, transaction.Catalog.Chain(Table, "forward")!.Hook!.Policy);
    }

    [Fact]
    public void AddChain_BaseChainAgainAtAnotherPriority_IsRefused() =>
        Assert.Throws<NftException>(() => WithTableAndChains().AddChain(new NftChain(Table, "forward", new NftHook(NftChainType.Filter, NftHookPoint.Forward, 10))));

    [Fact]
    public void DeleteTable_ThenAddRule_TheChainIsGone() =>
        Assert.Throws<NftException>(() => WithTableAndChains().DeleteTable(Table).AddRule(Forward, Accept));

    [Fact]
    public void Catalog_AfterTheTransaction_StartsTheNextOne()
    {
        var first = IdentityRuleset();
        var next = After(first).AddElements(Identities, "10.77.3.0/24 : 3");
        Assert.Equal("add element inet palisade ip2id { 10.77.3.0/24 : 0x00000003 }\n", next.Render());
    }

    [Fact]
    public void AddElements_NoElements_RecordsNothing() => Assert.True(After(IdentityRuleset()).AddElements(Identities).IsEmpty);

    [Fact]
    public void Render_DeleteElementsOfAMap_NamesKeysOnly() =>
        Assert.Equal("delete element inet palisade ip2id { 10.77.1.2 }\n", After(IdentityRuleset()).DeleteElements(Identities, "10.77.1.2 : 1").Render());

    [Fact]
    public void Render_FlushAndDelete_UseTheSetsKeyword() =>
        Assert.Equal("flush map inet palisade ip2id\nflush chain inet palisade pol\ndelete set inet palisade allowed-ids\ndelete table inet palisade\n",
            After(IdentityRuleset()).FlushSet(Identities).FlushChain(PolicyChain).DeleteSet(AllowedIds).DeleteTable(Table).Render());
}
