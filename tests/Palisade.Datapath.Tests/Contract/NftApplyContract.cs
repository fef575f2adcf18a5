using Palisade.Datapath.Nft;
using static Palisade.Datapath.Tests.Support.NftSamples;

namespace Palisade.Datapath.Tests.Contract;

/// <summary>Applying and listing, written once and run against every backend.</summary>
public abstract class NftApplyContract : NftBackendTestBase
{
    [Fact]
    public async Task ApplyAsync_IdentityRuleset_ListsItsChainsSetsAndElements()
    {
        await Backend.ApplyAsync(IdentityRuleset());
        Assert.Equal("""
            chain forward type filter hook forward priority 0; policy drop; [- | -]
            chain pol regular [- | - | allowed by identity | refused port]
            set allowed-ids { type mark . mark . inet_proto . inet_service; } = 0x00000001 . 0x00000002 . tcp . 7000
            map ip2id { type ipv4_addr : mark; flags interval; } = 10.77.1.2 : 0x00000001, 10.77.2.2 : 0x00000002
            """, await ListedAsync());
    }

    [Fact]
    public async Task ListAsync_AfterApply_GivesTheCatalogueTheTransactionEndedWith()
    {
        var transaction = IdentityRuleset();
        await Backend.ApplyAsync(transaction);
        var listed = (await Backend.ListAsync(Table)).AddTo();
        Assert.Equal(transaction.Catalog.Chains(Table).OrderBy(c => c.Name), listed.Chains(Table).OrderBy(c => c.Name));
        Assert.Equal(transaction.Catalog.Sets(Table).OrderBy(s => s.Name), listed.Sets(Table).OrderBy(s => s.Name));
    }

    [Fact]
    public async Task ApplyAsync_ElementsAddedAndDeletedInLaterTransactions_ChangeOnlyThoseElements()
    {
        var first = IdentityRuleset();
        await Backend.ApplyAsync(first);
        await Backend.ApplyAsync(After(first).AddElements(Identities, "10.77.3.0/24 : 3", "10.77.4.4 : 4"));
        await Backend.ApplyAsync(After(first).DeleteElements(Identities, "10.77.1.2 : 1", "10.77.4.4 : 4"));
        await Backend.ApplyAsync(After(first).AddElements(Identities, "10.77.1.2 : 7"));
        Assert.Equal(["10.77.1.2 : 0x00000007", "10.77.2.2 : 0x00000002", "10.77.3.0/24 : 0x00000003"], await ElementsAsync(Identities));
    }

    [Fact]
    public async Task ApplyAsync_OneElementThatIsNotThere_ChangesNothingAtAll()
    {
        var first = IdentityRuleset();
        await Backend.ApplyAsync(first);
        await AssertRefusedAsync(After(first)
            .AddElements(Identities, "10.77.5.5 : 5")
            .AddChain(new NftChain(Table, "extra"))
            .DeleteElements(AllowedIds, "1 . 2 . tcp . 7000", "9 . 9 . tcp . 9"), "allowed-ids");
    }

    [Fact]
    public async Task ApplyAsync_IdenticalElementAgain_IsNoError()
    {
        var first = IdentityRuleset();
        await Backend.ApplyAsync(first);
        await Backend.ApplyAsync(After(first).AddElements(Identities, "10.77.1.2 : 1").AddElements(AllowedIds, "1 . 2 . tcp . 7000", "1 . 2 . tcp . 7000"));
        Assert.Equal(["10.77.1.2 : 0x00000001", "10.77.2.2 : 0x00000002"], await ElementsAsync(Identities));
    }

    [Fact]
    public async Task ApplyAsync_FlushChainAndMap_EmptiesThem()
    {
        var first = IdentityRuleset();
        await Backend.ApplyAsync(first);
        await Backend.ApplyAsync(After(first).FlushChain(PolicyChain).FlushSet(Identities));
        var listing = await Backend.ListAsync(Table);
        Assert.Equal(0, listing.Chain("pol").Rules);
        Assert.Empty(listing.Set("ip2id").Elements);
        Assert.Single(listing.Set("allowed-ids").Elements);
    }

    [Fact]
    public async Task ApplyAsync_BaseChainAddedAgainWithAnotherPolicy_ChangesThePolicyOnly()
    {
        var first = IdentityRuleset();
        await Backend.ApplyAsync(first);
        await Backend.ApplyAsync(After(first).AddChain(new NftChain(Table, "forward", new NftHook(NftChainType.Filter, NftHookPoint.Forward, 0))));
        var forward = (await Backend.ListAsync(Table)).Chain("forward");
        Assert.Equal((NftPolicy.Accept, 2), (forward.Chain.Hook!.Policy, forward.Rules));
    }

    [Fact]
    public async Task ApplyAsync_VerdictMapAndConcatenatedIntervals_ListAsWritten()
    {
        var sub = new NftChain(Table, "pod-a");
        var dispatch = new NftSet(Table, "dispatch", NftKeyType.Of(NftDataType.Ipv4Addr, NftDataType.InetService), NftSetFlags.Interval, NftMapData.Verdict);
        await Backend.ApplyAsync(new NftTransaction().AddTable(Table).AddChain(sub).AddSet(dispatch).AddSet(Allowed)
            .AddElements(dispatch, "10.0.0.0/24 . 80-90 : goto pod-a", "10.0.1.1 . 53 : drop", "10.0.2.0-10.0.2.9 . 0-1023 : jump pod-a")
            .AddElements(Allowed, "10.1.0.0/16 . udp . 1000-2000", "10.2.0.1 . sctp . 9"));
        Assert.Equal(["10.0.0.0/24 . 80-90 : goto pod-a", "10.0.1.1 . 53 : drop", "10.0.2.0-10.0.2.9 . 0-1023 : jump pod-a"], await ElementsAsync(dispatch));
        Assert.Equal(["10.1.0.0/16 . udp . 1000-2000", "10.2.0.1 . sctp . 9"], await ElementsAsync(Allowed));
    }

    [Fact]
    public async Task ApplyAsync_DeleteTable_LeavesNothingToList()
    {
        var first = IdentityRuleset();
        await Backend.ApplyAsync(first);
        await Backend.ApplyAsync(After(first).DeleteTable(Table));
        await Assert.ThrowsAsync<NftException>(() => Backend.ListAsync(Table));
    }

    [Fact]
    public async Task ApplyAsync_EmptyTransaction_ChangesNothing()
    {
        await Backend.ApplyAsync(IdentityRuleset());
        var before = await ListedAsync();
        await Backend.ApplyAsync(new NftTransaction());
        Assert.Equal(before, await ListedAsync());
    }
}
