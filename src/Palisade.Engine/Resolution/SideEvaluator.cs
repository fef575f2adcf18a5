using System.Runtime.CompilerServices;
using Palisade.Engine.Ir;
using Palisade.Engine.Ports;
using Palisade.Engine.Verdicts;

namespace Palisade.Engine.Resolution;

/// <summary>
/// Decides one side of a flow over a set of ports, in the evaluation order of ARCHITECTURE.md. This is the one hard
/// algorithm of the engine; the matrix calls it with every port, a trace with one port and a recorder.
/// <para>
/// Per tier, in order: each group of equal precedence takes the still-undecided ports its matching entries cover —
/// Allow adds them to the result, Deny drops them, Pass sends them on to the next tier, Log only records. At the end
/// of a tier that isolates the endpoint, what is still undecided is denied. Ports that fall through every tier are
/// allowed (the endpoint is not isolated for them).
/// </para>
/// </summary>
internal static class SideEvaluator
{
    // Optimized on first call, as are the methods it calls per entry: the matrix runs this millions of times in a
    // short-lived CLI process, where tier-0 code would otherwise dominate (docs/benchmarks.md). Loops are indexed
    // because foreach over an IReadOnlyList allocates an enumerator each time.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PortSet Allowed(DirectionalPolicy? map, EndpointClass? subject, in PeerRef peer, Direction direction, PortSet universe, SideRecorder? recorder = null)
    {
        if (map is null) return universe;
        var destination = direction == Direction.Ingress ? subject : peer.Class;
        var undecided = universe;
        var allowed = PortSet.Empty;
        for (var t = 0; t < map.Tiers.Count; t++)
        {
            var tier = map.Tiers[t];
            var inTier = undecided;
            var passed = PortSet.Empty;
            for (var g = 0; g < tier.Groups.Count; g++)
            {
                var group = tier.Groups[g];
                if (inTier.IsEmpty) break;
                var matched = Match(group, peer, destination, inTier, recorder);
                if (matched.IsEmpty || group.Action == RuleAction.Log) continue;
                if (group.Action == RuleAction.Allow) allowed = allowed.Union(matched);
                else if (group.Action == RuleAction.Pass) passed = passed.Union(matched);
                inTier = inTier.Except(matched);
            }
            if (tier.IsolatedBy.Count > 0)
            {
                if (!inTier.IsEmpty) recorder?.EndOfTier(tier);
                inTier = PortSet.Empty;
            }
            undecided = inTier.Union(passed);
        }
        return allowed.Union(undecided);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static PortSet Match(EntryGroup group, in PeerRef peer, EndpointClass? destination, PortSet inTier, SideRecorder? recorder)
    {
        var matched = PortSet.Empty;
        for (var e = 0; e < group.Entries.Count; e++)
        {
            var entry = group.Entries[e];
            if (!entry.Peer.Matches(peer)) continue;
            var ports = entry.Rule.Ports is null ? inTier : entry.PortsFor(destination).Intersect(inTier);
            if (ports.IsEmpty) continue;
            matched = matched.Union(ports);
            recorder?.Hit(group, entry);
        }
        if (!matched.IsEmpty) recorder?.Decided(group);
        return matched;
    }

    /// <summary>
    /// Explains one side for <paramref name="flow"/>'s single port: the decision, the rules that decided or the policies
    /// that isolated, and the L7 redirect of an allowing rule. A side without a map is not isolated.
    /// </summary>
    public static SideVerdict Explain(DirectionalPolicy? map, EndpointClass? subject, in PeerRef peer, Direction direction, string name, FlowQuery flow)
    {
        if (map is null) return new SideVerdict(direction, name, true, SideReason.NotIsolated, [], []);
        var recorder = new SideRecorder();
        var allowed = !Allowed(map, subject, peer, direction, PortSet.Single(flow.Protocol, flow.Port), recorder).IsEmpty;
        var reason = recorder.Decision switch
        {
            RuleAction.Allow => SideReason.AllowedByRule,
            RuleAction.Deny => SideReason.DeniedByRule,
            _ => recorder.DefaultDenyTier is not null ? SideReason.DefaultDeny : SideReason.NotIsolated,
        };
        var isolatedBy = recorder.DefaultDenyTier?.IsolatedBy ?? [.. map.IsolatingPolicies];
        return new SideVerdict(direction, name, allowed, reason, recorder.Hits, isolatedBy)
        {
            L7 = allowed && reason == SideReason.AllowedByRule ? L7Verdict.Decide(recorder.Hits, flow) : null,
        };
    }

    /// <summary>
    /// Partitions <paramref name="universe"/> by decision, as <see cref="Explain"/> decides each port: the enforced
    /// map's partition, with what it allows and the would-be map drops turned into audits when the maps differ.
    /// </summary>
    public static List<(PortSet Ports, SideDecision Decision)> Decide(in SideMaps maps, EndpointClass? subject, in PeerRef peer, Direction direction, PortSet universe)
    {
        var enforced = Decide(maps.Enforced, subject, peer, direction, universe);
        return maps.Audited ? AuditOverlay.Apply(enforced, Decide(maps.WouldBe, subject, peer, direction, universe)) : enforced;
    }

    /// <summary>
    /// Partitions <paramref name="universe"/> by decision: the same walk as <see cref="Allowed"/>, keeping for each
    /// group the ports covered by the same matching entries together with those entries (the rules a single-port
    /// evaluation records), the ports a tier denies by default with its isolating policies, and what falls through.
    /// </summary>
    private static List<(PortSet Ports, SideDecision Decision)> Decide(DirectionalPolicy? map, EndpointClass? subject, in PeerRef peer, Direction direction, PortSet universe)
    {
        if (map is null) return [(universe, new SideDecision(SideReason.NotIsolated, [], []))];
        var destination = direction == Direction.Ingress ? subject : peer.Class;
        var decided = new List<(PortSet, SideDecision)>();
        var undecided = universe;
        foreach (var tier in map.Tiers)
        {
            var inTier = undecided;
            var passed = PortSet.Empty;
            foreach (var group in tier.Groups)
            {
                if (inTier.IsEmpty) break;
                var hits = Hits(group, peer, destination, inTier);
                if (hits.Count == 0 || group.Action == RuleAction.Log) continue;
                var matched = hits.Aggregate(PortSet.Empty, (all, h) => all.Union(h.Ports));
                if (group.Action == RuleAction.Pass) passed = passed.Union(matched);
                else decided.AddRange(Atoms(hits).Select(a => (a.Ports, Decision(group.Action, a.Entries, map.IsolatingPolicies))));
                inTier = inTier.Except(matched);
            }
            if (tier.IsolatedBy.Count > 0)
            {
                if (!inTier.IsEmpty) decided.Add((inTier, new SideDecision(SideReason.DefaultDeny, [], tier.IsolatedBy)));
                inTier = PortSet.Empty;
            }
            undecided = inTier.Union(passed);
        }
        if (!undecided.IsEmpty) decided.Add((undecided, new SideDecision(SideReason.NotIsolated, [], [.. map.IsolatingPolicies])));
        return decided;
    }

    private static List<(PolicyMapEntry Entry, PortSet Ports)> Hits(EntryGroup group, in PeerRef peer, EndpointClass? destination, PortSet inTier)
    {
        var hits = new List<(PolicyMapEntry, PortSet)>();
        foreach (var entry in group.Entries)
        {
            if (!entry.Peer.Matches(peer)) continue;
            var ports = entry.Rule.Ports is null ? inTier : entry.PortsFor(destination).Intersect(inTier);
            if (!ports.IsEmpty) hits.Add((entry, ports));
        }
        return hits;
    }

    /// <summary>The matched ports cut where the set of entries covering them changes.</summary>
    private static List<(PortSet Ports, List<PolicyMapEntry> Entries)> Atoms(List<(PolicyMapEntry Entry, PortSet Ports)> hits)
    {
        var atoms = new List<(PortSet Ports, List<PolicyMapEntry> Entries)>();
        foreach (var (entry, ports) in hits)
        {
            var next = new List<(PortSet, List<PolicyMapEntry>)>();
            var rest = ports;
            foreach (var (atom, entries) in atoms)
            {
                var inside = atom.Intersect(ports);
                var outside = atom.Except(ports);
                if (!inside.IsEmpty) next.Add((inside, [.. entries, entry]));
                if (!outside.IsEmpty) next.Add((outside, entries));
                rest = rest.Except(atom);
            }
            if (!rest.IsEmpty) next.Add((rest, [entry]));
            atoms = next;
        }
        return atoms;
    }

    private static SideDecision Decision(RuleAction action, List<PolicyMapEntry> entries, IEnumerable<PolicyRef> isolatedBy) => new(
        action == RuleAction.Allow ? SideReason.AllowedByRule : SideReason.DeniedByRule,
        [.. entries.Select(SideRecorder.HitOf)],
        [.. isolatedBy]);
}
