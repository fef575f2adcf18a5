namespace Palisade.Datapath.Nft;

/// <summary>Which mark a <see cref="NftMarkSet"/> writes.</summary>
public enum NftMarkTarget
{
    /// <summary><c>meta mark</c>: the packet's mark (this packet only).</summary>
    Meta,

    /// <summary><c>ct mark</c>: the connection's mark (kept for its later packets).</summary>
    Ct,
}
