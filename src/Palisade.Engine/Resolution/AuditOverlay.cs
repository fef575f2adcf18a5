using Palisade.Engine.Ports;
using Palisade.Engine.Verdicts;

namespace Palisade.Engine.Resolution;

/// <summary>
/// Combines a side's enforced decision with its would-be one (every policy enforced): where the enforced one allows
/// and the would-be one drops, the side's decision is <see cref="SideReason.Audit"/>, let through, naming the rules or
/// isolating policies of the would-be drop; everywhere else the enforced decision stands.
/// </summary>
internal static class AuditOverlay
{
    /// <summary>The enforced partition with its allowed ports that the would-be partition drops turned into audits.</summary>
    public static List<(PortSet Ports, SideDecision Decision)> Apply(List<(PortSet Ports, SideDecision Decision)> enforced, List<(PortSet Ports, SideDecision Decision)> wouldBe)
    {
        var allowed = enforced.Where(d => d.Decision.Allowed).Aggregate(PortSet.Empty, (all, d) => all.Union(d.Ports));
        var dropped = wouldBe.Where(d => !d.Decision.Allowed).Aggregate(PortSet.Empty, (all, d) => all.Union(d.Ports));
        var result = new List<(PortSet Ports, SideDecision Decision)>();
        foreach (var (ports, decision) in enforced)
        {
            var kept = decision.Allowed ? ports.Except(dropped) : ports;
            if (!kept.IsEmpty) result.Add((kept, decision));
        }
        foreach (var (ports, decision) in wouldBe.Where(d => !d.Decision.Allowed))
        {
            var audited = ports.Intersect(allowed);
            if (!audited.IsEmpty) result.Add((audited, Decision(decision)));
        }
        return result;
    }

    /// <summary>The audit decision for ports the would-be <paramref name="drop"/> decides.</summary>
    public static SideDecision Decision(SideDecision drop) => new(SideReason.Audit, drop.DecidedBy, drop.IsolatedBy) { WouldBe = drop.Reason };

    /// <summary>The audit verdict for a flow the would-be <paramref name="drop"/> decides: let through (a drop has no L7 redirect).</summary>
    public static SideVerdict Verdict(SideVerdict drop) => drop with { Allowed = true, Reason = SideReason.Audit, WouldBe = drop.Reason };
}
