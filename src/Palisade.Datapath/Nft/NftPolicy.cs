namespace Palisade.Datapath.Nft;

/// <summary>What a base chain does with a packet that reaches its end.</summary>
public enum NftPolicy
{
    /// <summary><c>policy accept</c> (the kernel's default).</summary>
    Accept,

    /// <summary><c>policy drop</c>.</summary>
    Drop,
}
