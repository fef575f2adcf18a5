using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Fake;

/// <summary>A chain held by the fake: its declaration (the policy may change) and its rules in order.</summary>
internal sealed class FakeChain(NftChain chain, IEnumerable<NftRule> rules)
{
    /// <summary>The declaration.</summary>
    public NftChain Chain { get; set; } = chain;

    /// <summary>The rules, in order.</summary>
    public List<NftRule> Rules { get; } = [.. rules];

    /// <summary>A copy that shares the immutable rules.</summary>
    public FakeChain Clone() => new(Chain, Rules);
}
