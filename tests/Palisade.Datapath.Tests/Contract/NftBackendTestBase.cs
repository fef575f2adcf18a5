using Palisade.Datapath.Nft;
using Palisade.Datapath.Tests.Support;

namespace Palisade.Datapath.Tests.Contract;

/// <summary>What the contract suites share: a fresh backend per test (made by the derived class) and assertions over listings.</summary>
public abstract class NftBackendTestBase : IAsyncLifetime
{
    private IAsyncDisposable? owner;

    /// <summary>The backend under test.</summary>
    protected INftBackend Backend { get; private set; } = null!;

    /// <summary>Makes the backend and what must be released after the test (null when nothing).</summary>
    protected abstract Task<(INftBackend Backend, IAsyncDisposable? Owner)> CreateAsync();

    /// <inheritdoc/>
    public async Task InitializeAsync() => (Backend, owner) = await CreateAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (owner is not null) await owner.DisposeAsync();
    }

    /// <summary>The table as comparable text.</summary>
    protected async Task<string> ListedAsync(NftTable? table = null) => ListingText.Of(await Backend.ListAsync(table ?? NftSamples.Table));

    /// <summary>The elements of one set, as nft writes them, in key order.</summary>
    protected async Task<IEnumerable<string>> ElementsAsync(NftSet set) =>
        (await Backend.ListAsync(set.Table)).Set(set.Name).Elements.Select(e => e.ToString());

    /// <summary>Asserts the backend refuses the transaction with a message naming <paramref name="mention"/>, and that <see cref="NftSamples.Table"/> did not change.</summary>
    protected async Task AssertRefusedAsync(NftTransaction transaction, string mention)
    {
        var before = await SnapshotAsync();
        var e = await Assert.ThrowsAsync<NftException>(() => Backend.ApplyAsync(transaction));
        Assert.True(e.Message.Contains(mention, StringComparison.Ordinal), e.Message);
        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<string> SnapshotAsync()
    {
        try
        {
            return await ListedAsync();
        }
        catch (NftException)
        {
            return "(no table)";
        }
    }
}
