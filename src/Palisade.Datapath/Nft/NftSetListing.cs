namespace Palisade.Datapath.Nft;

/// <summary>A set or map as a backend holds it: its declaration and its elements, in key order.</summary>
public sealed record NftSetListing(NftSet Set, IReadOnlyList<NftElement> Elements);
