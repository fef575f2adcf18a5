namespace Palisade.Datapath.Nft;

/// <summary>
/// A match of some bits of a mark: <c>meta mark &amp; 0x00004000 == 0x00004000</c> holds when the bits of
/// <see cref="Mask"/> in the field are those of <see cref="Value"/>.
/// </summary>
public sealed record NftMaskMatch : NftStatement
{
    /// <summary>Makes the match.</summary>
    /// <exception cref="NftException">The field is not a mark, or the value has bits outside the mask.</exception>
    public NftMaskMatch(NftField field, uint mask, uint value)
    {
        if (NftSyntax.TypeOf(field) != NftDataType.Mark) throw new NftException($"{NftSyntax.Of(field)} is not a mark; only meta mark and ct mark can be matched bit by bit");
        if ((value & ~mask) != 0) throw new NftException($"{NftValue.Mark(value)} has bits outside the mask {NftValue.Mark(mask)}, so the match could never hold");
        (Field, Mask, Value) = (field, mask, value);
    }

    /// <summary>The mark field.</summary>
    public NftField Field { get; }

    /// <summary>The bits compared.</summary>
    public uint Mask { get; }

    /// <summary>What those bits must be.</summary>
    public uint Value { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{NftSyntax.Of(Field)} & {NftValue.Mark(Mask)} == {NftValue.Mark(Value)}";
}
