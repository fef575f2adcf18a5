using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Fake;

/// <summary>
/// What the ruleset does with a packet at one hook: the verdict (accept, drop or reject); the rules that matched, in
/// the order they matched (for explanations); what decided (the rule whose verdict ended the last base chain that ran,
/// or that chain's policy; both null when no base chain hooks there); and the marks as the packet leaves the hook.
/// </summary>
public sealed record NftTrace(
    NftVerdictKind Verdict,
    IReadOnlyList<NftTraceHit> Hits,
    NftTraceHit? DecidingRule,
    NftChain? DecidingPolicy,
    uint Mark,
    uint CtMark){
    /// <summary>The log statements the packet went through, in order (what NFLOG would have received).</summary>
    public IReadOnlyList<NftLog> Logged { get; init; } = [];
}
