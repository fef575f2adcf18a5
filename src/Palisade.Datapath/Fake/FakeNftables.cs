using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Fake;

/// <summary>
/// A strict in-memory nftables for tests and explanations: it applies the same typed transactions as the kernel,
/// refuses what the kernel would refuse for the supported subset (missing table, chain or set; a key already there
/// with another value; overlapping intervals; an element that does not fit the set as it exists; deleting what is
/// missing or still in use; changing a constant set in use; jump loops), all or nothing per transaction, and traces
/// packets through what it holds. Thread-safe: transactions, listings and traces see one state at a time.
/// </summary>
public sealed class FakeNftables : INftBackend
{
    private readonly Lock gate = new();
    private FakeRuleset ruleset = new([]);

    /// <summary>What exists now, as a catalogue a transaction can start from.</summary>
    public NftCatalog Catalog
    {
        get
        {
            lock (gate) return ruleset.Catalog();
        }
    }

    /// <inheritdoc/>
    public Task ApplyAsync(NftTransaction transaction, CancellationToken cancellationToken = default)
    {
        Apply(transaction);
        return Task.CompletedTask;
    }

    /// <summary>Applies the transaction atomically.</summary>
    /// <exception cref="NftException">The kernel would refuse it; nothing changed.</exception>
    public void Apply(NftTransaction transaction)
    {
        lock (gate)
        {
            var next = ruleset.Clone();
            foreach (var command in transaction.Commands) next.Apply(command);
            next.CheckLoops();
            ruleset = next;
        }
    }

    /// <inheritdoc/>
    public Task<NftListing> ListAsync(NftTable table, CancellationToken cancellationToken = default) => Task.FromResult(List(table));

    /// <summary>Lists one table.</summary>
    /// <exception cref="NftException">The table does not exist.</exception>
    public NftListing List(NftTable table)
    {
        lock (gate)
        {
            var held = ruleset.Table(table) ?? throw new NftException($"list table {table}: table {table} does not exist (No such file or directory)");
            return NftListing.Ordered(table,
                held.Chains.Select(c => new NftChainListing(c.Chain, [.. c.Rules.Select(r => r.Comment)])),
                held.Sets.Select(s => new NftSetListing(s.Set, [.. s.Elements])));
        }
    }

    /// <summary>Traces <paramref name="packet"/> through the base chains of <paramref name="hook"/> (forward by default).</summary>
    public NftTrace Trace(Packet packet, NftHookPoint hook = NftHookPoint.Forward)
    {
        lock (gate) return new NftTracer(ruleset, packet).Run(hook);
    }
}
