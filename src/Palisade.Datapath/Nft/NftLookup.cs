namespace Palisade.Datapath.Nft;

/// <summary>A lookup of the packet's fields, concatenated, in a named set: <c>ip saddr . meta l4proto . th dport @allowed</c>.</summary>
public sealed record NftLookup : NftStatement
{
    /// <summary>Makes the lookup.</summary>
    /// <exception cref="NftException">A field that cannot be a key, or a set name nft cannot parse.</exception>
    public NftLookup(IReadOnlyList<NftField> key, string set, bool negated = false)
    {
        Key = [.. key];
        KeyType = NftKeyType.For(Key);
        Set = NftName.Check(set, $"lookup @{set}");
        Negated = negated;
    }

    /// <summary>The fields, in key order.</summary>
    public IReadOnlyList<NftField> Key { get; }

    /// <summary>The key type the fields make.</summary>
    public NftKeyType KeyType { get; }

    /// <summary>The set's name (in the rule's table).</summary>
    public string Set { get; }

    /// <summary>True for <c>!= @set</c>: the match holds when the key is not in the set.</summary>
    public bool Negated { get; }

    internal override NftSetUse SetUse => new(Set, KeyType, null);

    /// <inheritdoc/>
    public override string ToString() => $"{Concatenation(Key)} {(Negated ? "!= " : "")}@{Set}";
}
