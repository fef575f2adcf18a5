namespace Palisade.Datapath.Nft;

/// <summary>What a map's elements map to.</summary>
public enum NftMapData
{
    /// <summary><c>verdict</c>: accept, drop, jump/goto a chain, return, continue (used with <c>vmap</c>).</summary>
    Verdict,

    /// <summary><c>mark</c>: a 32-bit mark (used with <c>meta mark set ... map</c>).</summary>
    Mark,
}
