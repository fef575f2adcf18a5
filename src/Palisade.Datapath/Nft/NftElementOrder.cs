namespace Palisade.Datapath.Nft;

/// <summary>Orders elements by their key parts (low end, then high end, part by part), then by their text.</summary>
internal sealed class NftElementOrder : IComparer<NftElement>
{
    /// <summary>The one instance.</summary>
    public static NftElementOrder Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(NftElement? x, NftElement? y)
    {
        if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
        foreach (var (a, b) in x.Key.Zip(y.Key))
        {
            var order = a.Low != b.Low ? a.Low.CompareTo(b.Low) : a.High.CompareTo(b.High);
            if (order != 0) return order;
        }
        return string.CompareOrdinal(x.ToString(), y.ToString());
    }
}
