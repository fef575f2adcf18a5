using Palisade.Datapath.Nft;

namespace Palisade.Agent.Tests.Support;

/// <summary>A backend that refuses the next transaction when told to, as the kernel refuses one (nothing applied), and passes the rest on.</summary>
internal sealed class FailingBackend(INftBackend inner) : INftBackend
{
    /// <summary>When true, the next transaction is refused.</summary>
    public bool FailNext { get; set; }

    /// <summary>How many transactions reached the inner backend.</summary>
    public int Applied { get; private set; }

    public Task ApplyAsync(NftTransaction transaction, CancellationToken cancellationToken = default)
    {
        if (FailNext)
        {
            FailNext = false;
            throw new NftException("Error: Could not process rule: Cannot allocate memory (injected)");
        }
        Applied++;
        return inner.ApplyAsync(transaction, cancellationToken);
    }

    public Task<NftListing> ListAsync(NftTable table, CancellationToken cancellationToken = default) => inner.ListAsync(table, cancellationToken);
}
