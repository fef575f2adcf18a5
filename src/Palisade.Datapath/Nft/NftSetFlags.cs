namespace Palisade.Datapath.Nft;

/// <summary>The flags of a set or map.</summary>
[Flags]
public enum NftSetFlags
{
    /// <summary>No flags: elements are single values.</summary>
    None = 0,

    /// <summary><c>constant</c>: once a rule refers to the set, its elements can no longer change.</summary>
    Constant = 1,

    /// <summary><c>interval</c>: elements may be prefixes and ranges.</summary>
    Interval = 2,
}
