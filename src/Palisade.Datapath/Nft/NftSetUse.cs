namespace Palisade.Datapath.Nft;

/// <summary>What a statement needs of the set it names: the key type its fields make, and a set (null data) or a map to that data.</summary>
internal sealed record NftSetUse(string Name, NftKeyType Key, NftMapData? Data)
{
    /// <summary>Why <paramref name="set"/> cannot serve this use, or null when it can.</summary>
    public string? Problem(NftSet set)
    {
        if (set.Data != Data)
        {
            return Data is null
                ? $"@{Name} is a map; a lookup needs a set"
                : $"@{Name} must be a map to {(Data == NftMapData.Verdict ? "verdicts" : "marks")}";
        }
        return set.Key.Equals(Key) ? null : $"@{Name} has key type {set.Key}, the expression has type {Key}";
    }
}
