using Palisade.Engine.Ir;
using Palisade.Engine.Verdicts;

namespace Palisade.Agent.Compilation;

/// <summary>
/// A numbered verdict of the node's table: one side's decision and the rules behind it. Its chain (<c>v-NUMBER</c>)
/// logs the packet with the number as prefix, then lets it on or drops it, so a flow event names its deciding rule
/// from the kernel itself.
/// </summary>
public sealed record VerdictRule(uint Number, Direction Direction, SideDecision Decision)
{
    /// <summary>The chain of verdict <paramref name="number"/>.</summary>
    public static string ChainName(uint number) => $"v-{number}";

    /// <summary>A short description for the chain's comment: the direction and the engine's explanation of the decision.</summary>
    public string Describe() =>
        $"{(Direction == Direction.Egress ? "egress" : "ingress")} " +
        new SideVerdict(Direction, "the pod", Decision.Allowed, Decision.Reason, Decision.DecidedBy, Decision.IsolatedBy) { WouldBe = Decision.WouldBe }.Explain();
}
