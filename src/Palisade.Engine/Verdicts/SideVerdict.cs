using Palisade.Engine.Ir;

namespace Palisade.Engine.Verdicts;

/// <summary>The decision of one side of a flow, with the rules that decided it or the policies that isolated it.</summary>
public sealed record SideVerdict(Direction Direction, string Endpoint, bool Allowed, SideReason Reason, IReadOnlyList<RuleHit> DecidedBy, IReadOnlyList<PolicyRef> IsolatedBy)
{
    /// <summary>A one-line explanation.</summary>
    public string Explain() => Reason switch
    {
        SideReason.NotEvaluated => "not evaluated (not a managed pod)",
        SideReason.NotIsolated => $"allowed: {Endpoint} is not isolated for {Direction.ToString().ToLowerInvariant()}",
        SideReason.AllowedByRule => $"allowed by {string.Join(", ", DecidedBy)}",
        SideReason.DeniedByRule => $"denied by {string.Join(", ", DecidedBy)}",
        _ => $"denied by default: isolated by {string.Join(", ", IsolatedBy)}; no rule allows it",
    };
}
