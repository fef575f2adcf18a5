namespace Palisade.Datapath.Nft;

/// <summary>A conntrack state, as <c>ct state</c> matches it; the values are the kernel's bits.</summary>
public enum NftCtState
{
    /// <summary><c>invalid</c>.</summary>
    Invalid = 1,

    /// <summary><c>established</c>.</summary>
    Established = 2,

    /// <summary><c>related</c>.</summary>
    Related = 4,

    /// <summary><c>new</c>.</summary>
    New = 8,

    /// <summary><c>untracked</c>.</summary>
    Untracked = 64,
}
