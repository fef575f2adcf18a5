namespace Palisade.Datapath.Nft;

/// <summary>A verdict map lookup, ending the rule: <c>ip saddr . meta l4proto . th dport vmap @policy</c>. A key not in the map goes on to the next rule.</summary>
public sealed record NftVerdictMap : NftStatement
{
    /// <summary>Makes the lookup.</summary>
    /// <exception cref="NftException">A field that cannot be a key, or a map name nft cannot parse.</exception>
    public NftVerdictMap(IReadOnlyList<NftField> key, string map)
    {
        Key = [.. key];
        KeyType = NftKeyType.For(Key);
        Map = NftName.Check(map, $"vmap @{map}");
    }

    /// <summary>The fields, in key order.</summary>
    public IReadOnlyList<NftField> Key { get; }

    /// <summary>The key type the fields make.</summary>
    public NftKeyType KeyType { get; }

    /// <summary>The map's name (in the rule's table).</summary>
    public string Map { get; }

    /// <inheritdoc/>
    public override bool IsTerminal => true;

    internal override NftSetUse SetUse => new(Map, KeyType, NftMapData.Verdict);

    /// <inheritdoc/>
    public override string ToString() => $"{Concatenation(Key)} vmap @{Map}";
}
