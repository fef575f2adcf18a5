using Palisade.Engine.Ir;

namespace Palisade.Engine.Verdicts;

/// <summary>A rule that matched a flow, in the shape of Calico's policy hits.</summary>
public sealed record RuleHit(PolicyRef Policy, string Tier, RuleAction Action, Direction Direction, int RuleIndex, string Rule, string? Log, IrL7Rules? L7 = null)
{
    /// <summary>True when the rule names no peer (it matches every peer).</summary>
    public bool AnyPeer { get; init; }

    /// <summary>True when the rule names no port (it matches every port of every protocol).</summary>
    public bool AnyPort { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Policy} {Rule}";
}
