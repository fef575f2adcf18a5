using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Fake;

/// <summary>A rule the packet matched in full (it ran to its end or to its verdict): the chain, the rule's index there (from 0), and the rule.</summary>
public sealed record NftTraceHit(NftChain Chain, int Index, NftRule Rule)
{
    /// <summary>"inet palisade forward rule 0: ct state established,related accept".</summary>
    public override string ToString() => $"{Chain} rule {Index}: {Rule}";
}
