namespace Palisade.Datapath.Nft;

/// <summary>The type of a base chain.</summary>
public enum NftChainType
{
    /// <summary><c>filter</c>: any hook.</summary>
    Filter,

    /// <summary><c>nat</c>: prerouting, input, output and postrouting.</summary>
    Nat,

    /// <summary><c>route</c>: output only.</summary>
    Route,
}
