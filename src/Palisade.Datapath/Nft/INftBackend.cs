namespace Palisade.Datapath.Nft;

/// <summary>
/// Where nftables transactions go: the kernel (<c>Kernel.LibNftables</c>) or a strict in-memory stand-in
/// (<c>Fake.FakeNftables</c>). Both apply a transaction all or nothing, and refuse the same transactions.
/// </summary>
public interface INftBackend
{
    /// <summary>Applies the transaction atomically.</summary>
    /// <exception cref="NftException">It was refused; nothing changed. The message carries the reason (nft's own text for the kernel).</exception>
    Task ApplyAsync(NftTransaction transaction, CancellationToken cancellationToken = default);

    /// <summary>Lists one table.</summary>
    /// <exception cref="NftException">The table does not exist.</exception>
    Task<NftListing> ListAsync(NftTable table, CancellationToken cancellationToken = default);
}
