namespace Palisade.Datapath.Nft;

/// <summary>The kinds of verdict.</summary>
public enum NftVerdictKind
{
    /// <summary><c>accept</c>: this base chain lets the packet through (later base chains of the hook still see it).</summary>
    Accept,

    /// <summary><c>drop</c>: the packet is discarded silently.</summary>
    Drop,

    /// <summary><c>reject</c>: discarded with an ICMP port unreachable (not valid in a verdict map).</summary>
    Reject,

    /// <summary><c>jump CHAIN</c>: run the chain, then come back.</summary>
    Jump,

    /// <summary><c>goto CHAIN</c>: run the chain and do not come back.</summary>
    Goto,

    /// <summary><c>return</c>: back to the chain that jumped here (in a base chain: the policy).</summary>
    Return,

    /// <summary><c>continue</c>: on with the next rule (in verdict maps).</summary>
    Continue,
}
