namespace Palisade.Datapath.Nft;

/// <summary>The netfilter hook a base chain is attached to.</summary>
public enum NftHookPoint
{
    /// <summary><c>prerouting</c>.</summary>
    Prerouting,

    /// <summary><c>input</c>.</summary>
    Input,

    /// <summary><c>forward</c>.</summary>
    Forward,

    /// <summary><c>output</c>.</summary>
    Output,

    /// <summary><c>postrouting</c>.</summary>
    Postrouting,
}
