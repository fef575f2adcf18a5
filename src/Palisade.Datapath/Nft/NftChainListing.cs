namespace Palisade.Datapath.Nft;

/// <summary>A chain as a backend holds it: its declaration and the comment of each of its rules (null for none), in order.</summary>
public sealed record NftChainListing(NftChain Chain, IReadOnlyList<string?> RuleComments)
{
    /// <summary>How many rules the chain has.</summary>
    public int Rules => RuleComments.Count;
}
