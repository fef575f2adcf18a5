using Palisade.Engine.Ir;

namespace Palisade.Engine.Verdicts;

/// <summary>The decision of one side of a flow, with the rules that decided it or the policies that isolated it.</summary>
/// <remarks>
/// <see cref="Allowed"/> is the L3/L4 decision. When the allowing rules carry L7 rules the connection is redirected to
/// a proxy and <see cref="L7"/> says which rules apply and, when the flow carried a request, whether it passes.
/// </remarks>
public sealed record SideVerdict(Direction Direction, string Endpoint, bool Allowed, SideReason Reason, IReadOnlyList<RuleHit> DecidedBy, IReadOnlyList<PolicyRef> IsolatedBy)
{
    /// <summary>
    /// For <see cref="SideReason.Audit"/>, the drop enforcing every policy would make (<see cref="SideReason.DeniedByRule"/>
    /// or <see cref="SideReason.DefaultDeny"/>); otherwise null.
    /// </summary>
    public SideReason? WouldBe { get; init; }

    /// <summary>The L7 redirect and decision, or null when the port is not redirected on this side.</summary>
    public L7Verdict? L7 { get; init; }

    /// <summary>True when this side lets the flow through: L3/L4 allowed and, on a redirected port, the request passes.</summary>
    public bool Passes => Allowed && L7?.RequestAllowed != false;

    /// <summary>A one-line explanation.</summary>
    public string Explain() => string.Join("; ", ExplainLines());

    /// <summary>The explanation as lines: the L3/L4 decision, then the L7 redirect and decision if any.</summary>
    public IReadOnlyList<string> ExplainLines()
    {
        var l4 = Reason switch
        {
            SideReason.NotEvaluated => "not evaluated (not a managed pod)",
            SideReason.NotIsolated => $"allowed: {Endpoint} is not isolated for {Direction.ToString().ToLowerInvariant()}",
            SideReason.AllowedByRule => $"allowed by {string.Join(", ", DecidedBy)}",
            SideReason.DeniedByRule => $"denied by {string.Join(", ", DecidedBy)}",
            SideReason.LocalHost => $"allowed: {Endpoint}'s own node always reaches it (Kubernetes; Cilium allow-localhost)",
            SideReason.Audit when WouldBe == SideReason.DeniedByRule => $"audit: would be denied by {string.Join(", ", DecidedBy)}; let through",
            SideReason.Audit => $"audit: would be denied by default: isolated by {string.Join(", ", IsolatedBy)}; let through",
            _ => $"denied by default: isolated by {string.Join(", ", IsolatedBy)}; no rule allows it",
        };
        var logs = DecidedBy.Select(h => h.Log).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (logs.Count > 0) l4 += $" (log: {string.Join(", ", logs)})";
        return L7 is null ? [l4] : [l4, L7.Explain()];
    }
}
