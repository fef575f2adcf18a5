namespace Palisade.Datapath.Nft;

/// <summary>What a backend holds for one table: its chains and sets by name, each set's elements in key order.</summary>
public sealed record NftListing(NftTable Table, IReadOnlyList<NftChainListing> Chains, IReadOnlyList<NftSetListing> Sets)
{
    /// <summary>The chain of that name.</summary>
    /// <exception cref="InvalidOperationException">There is none.</exception>
    public NftChainListing Chain(string name) => Chains.Single(c => c.Chain.Name == name);

    /// <summary>The set or map of that name.</summary>
    /// <exception cref="InvalidOperationException">There is none.</exception>
    public NftSetListing Set(string name) => Sets.Single(s => s.Set.Name == name);

    /// <summary>The catalogue of this table's objects added to <paramref name="catalog"/> (empty when null): where a transaction over this table can start.</summary>
    public NftCatalog AddTo(NftCatalog? catalog = null)
    {
        var result = (catalog ?? NftCatalog.Empty).Without(Table).With(Table);
        foreach (var chain in Chains) result = result.With(chain.Chain);
        foreach (var set in Sets) result = result.With(set.Set);
        return result;
    }

    /// <summary>Puts chains and sets in name order and each set's elements in key order, so two backends' listings compare equal.</summary>
    internal static NftListing Ordered(NftTable table, IEnumerable<NftChainListing> chains, IEnumerable<NftSetListing> sets) =>
        new(table,
            [.. chains.OrderBy(c => c.Chain.Name, StringComparer.Ordinal)],
            [.. sets.OrderBy(s => s.Set.Name, StringComparer.Ordinal).Select(s => s with { Elements = [.. s.Elements.Order(NftElementOrder.Instance)] })]);
}
