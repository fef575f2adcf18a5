using System.Collections.Immutable;

namespace Palisade.Datapath.Nft;

/// <summary>
/// The tables, chains and sets known to exist (immutable): what a transaction is checked against as it is built. A
/// driver keeps the catalogue its last transaction ended with (<see cref="NftTransaction.Catalog"/>) and starts the
/// next transaction from it; the kernel stays the judge when the catalogue is stale.
/// </summary>
public sealed class NftCatalog
{
    private readonly ImmutableDictionary<NftTable, Entry> tables;

    private NftCatalog(ImmutableDictionary<NftTable, Entry> tables) => this.tables = tables;

    /// <summary>Nothing exists.</summary>
    public static NftCatalog Empty { get; } = new(ImmutableDictionary<NftTable, Entry>.Empty);

    /// <summary>True when the table exists.</summary>
    public bool Has(NftTable table) => tables.ContainsKey(table);

    /// <summary>The chain of that name in the table, or null.</summary>
    public NftChain? Chain(NftTable table, string name) => tables.TryGetValue(table, out var e) ? e.Chains.GetValueOrDefault(name) : null;

    /// <summary>The set or map of that name in the table, or null.</summary>
    public NftSet? Set(NftTable table, string name) => tables.TryGetValue(table, out var e) ? e.Sets.GetValueOrDefault(name) : null;

    /// <summary>The chains of the table.</summary>
    public IEnumerable<NftChain> Chains(NftTable table) => tables.TryGetValue(table, out var e) ? e.Chains.Values : [];

    /// <summary>The sets and maps of the table.</summary>
    public IEnumerable<NftSet> Sets(NftTable table) => tables.TryGetValue(table, out var e) ? e.Sets.Values : [];

    /// <summary>This catalogue with the table (kept as it is when it exists).</summary>
    public NftCatalog With(NftTable table) => Has(table) ? this : new(tables.Add(table, Entry.Empty));

    /// <summary>This catalogue with the chain, replacing one of the same name; its table must be there.</summary>
    public NftCatalog With(NftChain chain) => Update(chain.Table, e => e with { Chains = e.Chains.SetItem(chain.Name, chain) });

    /// <summary>This catalogue with the set, replacing one of the same name; its table must be there.</summary>
    public NftCatalog With(NftSet set) => Update(set.Table, e => e with { Sets = e.Sets.SetItem(set.Name, set) });

    /// <summary>This catalogue without the table and everything in it.</summary>
    public NftCatalog Without(NftTable table) => new(tables.Remove(table));

    /// <summary>This catalogue without the chain.</summary>
    public NftCatalog Without(NftChain chain) => Update(chain.Table, e => e with { Chains = e.Chains.Remove(chain.Name) });

    /// <summary>This catalogue without the set.</summary>
    public NftCatalog Without(NftSet set) => Update(set.Table, e => e with { Sets = e.Sets.Remove(set.Name) });

    private NftCatalog Update(NftTable table, Func<Entry, Entry> change) => new(tables.SetItem(table, change(tables[table])));

    private sealed record Entry(ImmutableDictionary<string, NftChain> Chains, ImmutableDictionary<string, NftSet> Sets)
    {
        public static Entry Empty { get; } = new(ImmutableDictionary<string, NftChain>.Empty, ImmutableDictionary<string, NftSet>.Empty);
    }
}
