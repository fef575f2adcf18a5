using Palisade.Engine.Ir;

namespace Palisade.Engine.Verdicts;

/// <summary>
/// How one side decides a set of ports with one peer, and why: what <see cref="SideVerdict"/> says for any single port
/// of the set. A data plane keys its verdicts by it, so that the kernel itself names the rule that decided a packet.
/// </summary>
/// <param name="Reason">Why (never <see cref="SideReason.NotEvaluated"/>: only managed endpoints have sides to program).</param>
/// <param name="DecidedBy">The rules that allowed or denied, in evaluation order (empty for a default; for an audit, the rules that would deny).</param>
/// <param name="IsolatedBy">The policies isolating the endpoint in this direction (for a default deny, those of the tier that denied; for an audit, those that would).</param>
public sealed record SideDecision(SideReason Reason, IReadOnlyList<RuleHit> DecidedBy, IReadOnlyList<PolicyRef> IsolatedBy)
{
    /// <summary>
    /// For <see cref="SideReason.Audit"/>, the drop enforcing every policy would make (<see cref="SideReason.DeniedByRule"/>
    /// or <see cref="SideReason.DefaultDeny"/>); otherwise null.
    /// </summary>
    public SideReason? WouldBe { get; init; }

    /// <summary>True when the side lets the ports through.</summary>
    public bool Allowed => Reason is not (SideReason.DeniedByRule or SideReason.DefaultDeny);

    /// <summary>A key equal for equal decisions (records compare lists by reference).</summary>
    public string Key =>
        $"{Reason}{(WouldBe is { } wouldBe ? $"({wouldBe})" : "")}|{string.Join(";", DecidedBy.Select(h => $"{h.Policy}#{h.Tier}#{h.Action}#{h.Direction}#{h.RuleIndex}#{h.Rule}#{h.Log}"))}|{string.Join(";", IsolatedBy)}";
}
