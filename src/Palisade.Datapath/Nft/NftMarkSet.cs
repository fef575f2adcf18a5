namespace Palisade.Datapath.Nft;

/// <summary>
/// Writes the packet's or the connection's mark: a constant (<c>meta mark set 0x00000001</c>) or the value a mark map
/// gives the packet's fields (<c>ct mark set ip daddr map @ip2id</c>). When the key is not in the map the rule stops
/// there (the mark is not written and the rule's later statements do not run).
/// </summary>
public sealed record NftMarkSet : NftStatement
{
    private NftMarkSet(NftMarkTarget target, uint? value, IReadOnlyList<NftField>? key, string? map) =>
        (Target, Value, Key, Map) = (target, value, key, map);

    /// <summary>Which mark is written.</summary>
    public NftMarkTarget Target { get; }

    /// <summary>The constant written; null when a map gives the value.</summary>
    public uint? Value { get; }

    /// <summary>The fields looked up in <see cref="Map"/>; null for a constant.</summary>
    public IReadOnlyList<NftField>? Key { get; }

    /// <summary>The mark map's name; null for a constant.</summary>
    public string? Map { get; }

    /// <summary><c>meta mark set VALUE</c> or <c>ct mark set VALUE</c>.</summary>
    public static NftMarkSet To(NftMarkTarget target, uint value) => new(target, value, null, null);

    /// <summary><c>meta mark set KEY map @MAP</c> or <c>ct mark set KEY map @MAP</c>.</summary>
    /// <exception cref="NftException">A field that cannot be a key, or a map name nft cannot parse.</exception>
    public static NftMarkSet FromMap(NftMarkTarget target, IReadOnlyList<NftField> key, string map)
    {
        _ = NftKeyType.For(key);
        return new(target, null, [.. key], NftName.Check(map, $"map @{map}"));
    }

    internal override NftSetUse? SetUse => Map is null ? null : new(Map, NftKeyType.For(Key!), NftMapData.Mark);

    /// <inheritdoc/>
    public override string ToString() => Value is { } v
        ? $"{NftSyntax.Of(Target)} set {NftValue.Mark(v)}"
        : $"{NftSyntax.Of(Target)} set {Concatenation(Key!)} map @{Map}";
}
