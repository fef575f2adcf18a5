namespace Palisade.Datapath.Nft;

/// <summary>
/// An element of a set (a key) or of a map (a key and a mark or verdict). Make them with <see cref="NftSet.Element(string)"/>
/// or <see cref="NftSet.Check"/>, which check them against the set's types.
/// </summary>
public sealed record NftElement
{
    /// <summary>Makes the element; nothing is checked until a set takes it.</summary>
    public NftElement(IReadOnlyList<NftValue> key, NftValue? mark = null, NftVerdict? verdict = null)
    {
        Key = [.. key];
        Mark = mark;
        Verdict = verdict;
    }

    /// <summary>The key parts, one per part of the set's key type.</summary>
    public IReadOnlyList<NftValue> Key { get; }

    /// <summary>The mark a mark map maps the key to.</summary>
    public NftValue? Mark { get; }

    /// <summary>The verdict a verdict map maps the key to.</summary>
    public NftVerdict? Verdict { get; }

    /// <summary>True when both keys cover exactly the same values.</summary>
    public bool SameKey(NftElement other) => Key.SequenceEqual(other.Key);

    /// <summary>True when the keys share at least one value in every part.</summary>
    public bool Overlaps(NftElement other) => Key.Zip(other.Key).All(p => p.First.Overlaps(p.Second));

    /// <inheritdoc/>
    public bool Equals(NftElement? other) => other is not null && SameKey(other) && Equals(Mark, other.Mark) && Equals(Verdict, other.Verdict);

    /// <inheritdoc/>
    public override int GetHashCode() => Key.Aggregate(HashCode.Combine(Mark, Verdict), HashCode.Combine);

    /// <summary>The element as nft writes it: <c>10.0.0.1 . tcp . 80</c>, <c>10.0.0.1 : 0x00000001</c>.</summary>
    public override string ToString()
    {
        var key = string.Join(" . ", Key);
        return Mark is not null ? $"{key} : {Mark}" : Verdict is not null ? $"{key} : {Verdict}" : key;
    }

    /// <summary>The key alone, as a delete command names the element.</summary>
    public string KeyText() => string.Join(" . ", Key);
}
