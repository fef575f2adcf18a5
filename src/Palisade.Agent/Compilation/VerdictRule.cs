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
    /// <summary>The chain's name.</summary>
    public string Chain => ChainName(Number);

    /// <summary>The chain of verdict <paramref name="number"/>.</summary>
    public static string ChainName(uint number) => $"v-{number}";

    /// <summary>A short description for the chain's comment.</summary>
    public string Describe()
    {
        var side = Direction == Direction.Egress ? "egress" : "ingress";
        return Decision.Reason switch
        {
            SideReason.AllowedByRule => $"{side} allowed by {string.Join(", ", Decision.DecidedBy)}",
            SideReason.DeniedByRule => $"{side} denied by {string.Join(", ", Decision.DecidedBy)}",
            SideReason.DefaultDeny => $"{side} denied by default: isolated by {string.Join(", ", Decision.IsolatedBy)}",
            SideReason.LocalHost => $"{side} allowed: the pod's own node",
            SideReason.Audit when Decision.WouldBe == SideReason.DeniedByRule => $"{side} audit: would be denied by {string.Join(", ", Decision.DecidedBy)}",
            SideReason.Audit => $"{side} audit: would be denied by default: isolated by {string.Join(", ", Decision.IsolatedBy)}",
            _ => $"{side} allowed: not isolated",
        };
    }
}
