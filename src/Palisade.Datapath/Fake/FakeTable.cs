using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Fake;

/// <summary>A table held by the fake: its chains and sets in the order they were made.</summary>
internal sealed class FakeTable(NftTable table, IEnumerable<FakeChain> chains, IEnumerable<FakeSet> sets)
{
    /// <summary>The table.</summary>
    public NftTable Table { get; } = table;

    /// <summary>The chains.</summary>
    public List<FakeChain> Chains { get; } = [.. chains];

    /// <summary>The sets and maps.</summary>
    public List<FakeSet> Sets { get; } = [.. sets];

    /// <summary>The chain of that name, or null.</summary>
    public FakeChain? Chain(string name) => Chains.Find(c => c.Chain.Name == name);

    /// <summary>The set of that name, or null.</summary>
    public FakeSet? Set(string name) => Sets.Find(s => s.Set.Name == name);

    /// <summary>True when a rule refers to the set (the kernel then calls it bound).</summary>
    public bool IsBound(string set) => Chains.Any(c => c.Rules.Any(r => r.Statements.Any(s => s.SetUse?.Name == set)));

    /// <summary>True when a rule or a verdict map element jumps or goes to the chain.</summary>
    public bool IsTarget(string chain) =>
        Chains.Any(c => c.Rules.Any(r => r.Statements.Any(s => s.JumpTarget == chain)))
        || Sets.Any(s => s.Elements.Any(e => e.Verdict?.Chain == chain));

    /// <summary>A deep copy of the mutable parts.</summary>
    public FakeTable Clone() => new(Table, Chains.Select(c => c.Clone()), Sets.Select(s => s.Clone()));
}
