using Palisade.Datapath.Nft;
using static Palisade.Datapath.Tests.Support.NftSamples;

namespace Palisade.Datapath.Tests.Contract;

/// <summary>What every backend refuses, as the kernel does, leaving everything as it was; written once and run against every backend.</summary>
public abstract class NftRefusalContract : NftBackendTestBase
{
    private async Task<NftTransaction> LoadedAsync()
    {
        var first = IdentityRuleset();
        await Backend.ApplyAsync(first);
        return first;
    }

    [Fact]
    public async Task ApplyAsync_TableTheCatalogueWronglyHas_IsRefusedNamingIt() =>
        await AssertRefusedAsync(new NftTransaction(NftCatalog.Empty.With(Table)).AddChain(PolicyChain), "palisade");

    [Fact]
    public async Task ApplyAsync_SetTheCatalogueWronglyHas_IsRefusedNamingIt()
    {
        var first = await LoadedAsync();
        await AssertRefusedAsync(new NftTransaction(first.Catalog.With(Allowed)).AddElements(Allowed, "10.0.0.1 . tcp . 80"), "allowed");
    }

    [Fact]
    public async Task ApplyAsync_ChainTheCatalogueWronglyHas_IsRefusedNamingIt()
    {
        var first = await LoadedAsync();
        var ghost = new NftChain(Table, "ghost");
        await AssertRefusedAsync(new NftTransaction(first.Catalog.With(ghost)).AddRule(ghost, new NftCounter()), "ghost");
    }

    [Fact]
    public async Task ApplyAsync_ElementOfAnotherTypeThanTheSetHas_IsRefused()
    {
        var first = await LoadedAsync();
        var services = new NftSet(Table, "services", NftKeyType.Of(NftDataType.InetService));
        await Backend.ApplyAsync(After(first).AddSet(services));
        var stale = new NftSet(Table, "services", NftKeyType.Of(NftDataType.Ipv4Addr));
        await AssertRefusedAsync(new NftTransaction(first.Catalog.With(stale)).AddElements(stale, "10.0.0.1"), "services");
    }

    [Fact]
    public async Task ApplyAsync_KeyAgainWithAnotherMark_IsRefused()
    {
        var first = await LoadedAsync();
        await AssertRefusedAsync(After(first).AddElements(Identities, "10.77.2.2 : 9"), "10.77.2.2");
    }

    [Fact]
    public async Task ApplyAsync_PrefixOverlappingAnElement_IsRefused()
    {
        var first = await LoadedAsync();
        await AssertRefusedAsync(After(first).AddElements(Identities, "10.77.0.0/16 : 9"), "10.77.0.0/16");
    }

    [Fact]
    public async Task ApplyAsync_AdjacentPrefixes_AreAccepted()
    {
        var first = await LoadedAsync();
        await Backend.ApplyAsync(After(first).AddElements(Identities, "10.78.0.0/16 : 3", "10.79.0.0/16 : 4"));
        Assert.Equal(4, (await ElementsAsync(Identities)).Count());
    }

    [Theory]
    [InlineData("10.0.0.0/8 . tcp . 85-95", false)]
    [InlineData("10.5.0.0/16 . tcp . 90", false)]
    [InlineData("10.0.0.0/16 . tcp . 70-100", true)]
    [InlineData("10.0.0.0/8 . udp . 80-90", true)]
    public async Task ApplyAsync_ConcatenatedIntervals_RefuseAnElementStartingOrEndingInsideAnother(string element, bool accepted)
    {
        var first = new NftTransaction().AddTable(Table).AddSet(Allowed).AddElements(Allowed, "10.0.0.0/8 . tcp . 80-90");
        await Backend.ApplyAsync(first);
        var next = After(first).AddElements(Allowed, element);
        if (accepted) await Backend.ApplyAsync(next);
        else await AssertRefusedAsync(next, "allowed");
        Assert.Equal(accepted ? 2 : 1, (await ElementsAsync(Allowed)).Count());
    }

    [Fact]
    public async Task ApplyAsync_DeleteAnElementTwice_IsRefused()
    {
        var first = await LoadedAsync();
        await AssertRefusedAsync(After(first).DeleteElements(Identities, "10.77.1.2 : 1").DeleteElements(Identities, "10.77.1.2 : 1"), "10.77.1.2");
    }

    [Fact]
    public async Task ApplyAsync_DeleteAMapARuleUses_IsRefused()
    {
        var first = await LoadedAsync();
        await AssertRefusedAsync(After(first).DeleteSet(Identities), "ip2id");
    }

    [Fact]
    public async Task ApplyAsync_DeleteAChainARuleJumpsTo_IsRefused()
    {
        var first = await LoadedAsync();
        await AssertRefusedAsync(After(first).DeleteChain(PolicyChain), "pol");
    }

    [Fact]
    public async Task ApplyAsync_DeleteAChainAfterFlushingWhatJumpsToIt_IsAccepted()
    {
        var first = await LoadedAsync();
        await Backend.ApplyAsync(After(first).FlushChain(Forward).DeleteChain(PolicyChain));
        Assert.DoesNotContain((await Backend.ListAsync(Table)).Chains, c => c.Chain.Name == "pol");
    }

    [Fact]
    public async Task ApplyAsync_ConstantSetOnceARuleUsesIt_KeepsItsElements()
    {
        var constant = new NftSet(Table, "fixed", NftKeyType.Of(NftDataType.Mark), NftSetFlags.Constant);
        var first = new NftTransaction().AddTable(Table).AddChain(Forward).AddSet(constant).AddElements(constant, "1")
            .AddRule(Forward, new NftLookup([NftField.MetaMark], "fixed"), Accept);
        await Backend.ApplyAsync(first);
        await AssertRefusedAsync(After(first).AddElements(constant, "2"), "fixed");
    }

    [Fact]
    public async Task ApplyAsync_JumpLoopReachableFromABaseChain_IsRefused()
    {
        var first = await LoadedAsync();
        var (a, b) = (new NftChain(Table, "loop-a"), new NftChain(Table, "loop-b"));
        var loop = After(first).AddChain(a).AddChain(b)
            .AddRule(a, new NftVerdictStatement(NftVerdict.Jump("loop-b")))
            .AddRule(b, new NftVerdictStatement(NftVerdict.Goto("loop-a")));
        await Backend.ApplyAsync(loop);
        await AssertRefusedAsync(new NftTransaction(loop.Catalog).AddRule(PolicyChain, new NftVerdictStatement(NftVerdict.Jump("loop-a"))), "loop-a");
    }

    [Fact]
    public async Task ApplyAsync_VerdictMapElementClosingALoop_IsRefused()
    {
        var first = await LoadedAsync();
        var dispatch = Dispatch;
        var next = After(first).AddSet(dispatch).AddRule(PolicyChain, new NftVerdictMap([NftField.IpDaddr], "dispatch"));
        await Backend.ApplyAsync(next);
        await AssertRefusedAsync(new NftTransaction(next.Catalog).AddElements(dispatch, "10.0.0.1 : jump pol"), "pol");
    }
}
