using Palisade.Datapath.Kernel;
using Palisade.Datapath.Nft;
using Palisade.Datapath.Tests.Support;
using static Palisade.Datapath.Tests.Support.NftSamples;

namespace Palisade.Datapath.Tests.Kernel;

[Trait("Requires", "root")]
public sealed class LibNftablesTests
{
    [Fact]
    public async Task ApplyAsync_RefusedTransaction_QuotesTheFailingLineWithItsNumber()
    {
        await using var kernel = await KernelInNamespace.CreateAsync();
        var first = IdentityRuleset();
        await kernel.Kernel.ApplyAsync(first);
        var e = await Assert.ThrowsAsync<NftException>(() => kernel.Kernel.ApplyAsync(After(first)
            .AddElements(Identities, "10.77.5.5 : 5").DeleteElements(AllowedIds, "9 . 9 . tcp . 9")));
        Assert.Contains($"in network namespace {kernel.Namespace}; nothing was changed", e.Message);
        Assert.Contains("line:2:", e.Message);
        Assert.Contains("delete element inet palisade allowed-ids { 0x00000009 . 0x00000009 . tcp . 9 }", e.Message);
    }

    [Fact]
    public void LibNftables_NamespaceThatDoesNotExist_SaysWhichOne()
    {
        var e = Assert.Throws<NftException>(() => new LibNftables("plt-no-such-namespace"));
        Assert.Contains("network namespace plt-no-such-namespace does not exist", e.Message);
    }

    [Fact]
    public async Task ListRulesetAsync_AsText_IsNftsOwnListing()
    {
        await using var kernel = await KernelInNamespace.CreateAsync();
        await kernel.Kernel.ApplyAsync(IdentityRuleset());
        var text = await kernel.Kernel.ListRulesetAsync(Table, json: false);
        Assert.Contains("table inet palisade {", text);
        Assert.Contains("meta mark . ct mark . meta l4proto . th dport @allowed-ids counter packets 0 bytes 0 accept comment \"allowed by identity\"", text);
    }

    [Fact]
    public async Task ListRulesetAsync_AsJson_StartsWithNftsMetainfo()
    {
        await using var kernel = await KernelInNamespace.CreateAsync();
        await kernel.Kernel.ApplyAsync(IdentityRuleset());
        Assert.StartsWith("{\"nftables\": [{\"metainfo\":", await kernel.Kernel.ListRulesetAsync(Table));
    }

    [Fact]
    public async Task ApplyAsync_InOneNamespace_IsSeenThereAndNotInAnother()
    {
        await using var kernel = await KernelInNamespace.CreateAsync();
        await using var other = await KernelInNamespace.CreateAsync();
        await kernel.Kernel.ApplyAsync(IdentityRuleset());
        var listed = await TestNetworks.ExecAsync(kernel.Namespace, "nft", "list", "table", "inet", "palisade");
        Assert.True(listed.Succeeded, listed.StandardError);
        await Assert.ThrowsAsync<NftException>(() => other.Kernel.ListAsync(Table));
    }

    [Fact]
    public async Task ApplyAsync_FromManyThreadsAtOnce_AppliesEachTransaction()
    {
        await using var kernel = await KernelInNamespace.CreateAsync();
        var first = IdentityRuleset();
        await kernel.Kernel.ApplyAsync(first);
        await Task.WhenAll(Enumerable.Range(10, 20).Select(i => Task.Run(() => kernel.Kernel.ApplyAsync(After(first).AddElements(Identities, $"10.88.0.{i} : {i}")))));
        Assert.Equal(22, (await kernel.Kernel.ListAsync(Table)).Set("ip2id").Elements.Count);
    }

    [Fact]
    public async Task Dispose_Twice_IsHarmlessAndLaterCallsSayItIsDisposed()
    {
        await using var kernel = await KernelInNamespace.CreateAsync();
        kernel.Kernel.Dispose();
        kernel.Kernel.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => kernel.Kernel.RunAsync("list tables"));
    }
}
