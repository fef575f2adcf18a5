namespace Palisade.Datapath.Nft;

/// <summary>What makes a chain a base chain: its type, hook, priority (lower runs first) and policy.</summary>
public sealed record NftHook
{
    /// <summary>Makes the hook.</summary>
    /// <exception cref="NftException">The type cannot attach to that hook (nat on forward, route off output).</exception>
    public NftHook(NftChainType type, NftHookPoint point, int priority, NftPolicy policy = NftPolicy.Accept)
    {
        if (type == NftChainType.Nat && point == NftHookPoint.Forward) throw new NftException("a nat chain cannot hook forward; use prerouting, input, output or postrouting");
        if (type == NftChainType.Route && point != NftHookPoint.Output) throw new NftException($"a route chain can only hook output, not {NftSyntax.Of(point)}");
        (Type, Point, Priority, Policy) = (type, point, priority, policy);
    }

    /// <summary>The chain type.</summary>
    public NftChainType Type { get; }

    /// <summary>The hook.</summary>
    public NftHookPoint Point { get; }

    /// <summary>The priority: base chains of one hook run in increasing priority.</summary>
    public int Priority { get; }

    /// <summary>The policy.</summary>
    public NftPolicy Policy { get; }

    /// <summary>True when <paramref name="other"/> differs at most in policy (nft may change the policy of a chain, nothing else).</summary>
    public bool SameAttachment(NftHook other) => Type == other.Type && Point == other.Point && Priority == other.Priority;

    /// <summary>The chain's declaration: <c>type filter hook forward priority 0; policy drop;</c>.</summary>
    public override string ToString() =>
        $"type {NftSyntax.Of(Type)} hook {NftSyntax.Of(Point)} priority {Priority}; policy {NftSyntax.Of(Policy)};";
}
