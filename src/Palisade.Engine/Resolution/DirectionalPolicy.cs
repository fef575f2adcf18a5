using Palisade.Engine.Ir;

namespace Palisade.Engine.Resolution;

/// <summary>An identity's policy map for one direction: its tiers in evaluation order.</summary>
internal sealed class DirectionalPolicy
{
    private DirectionalPolicy(IReadOnlyList<TierBlock> tiers)
    {
        Tiers = tiers;
        Enforced = this;
    }

    public IReadOnlyList<TierBlock> Tiers { get; }

    /// <summary>
    /// The map of the policies that are enforced, without the audit ones: this map itself when none of its policies
    /// is in audit, null when all are (the identity is then not isolated and has no rules).
    /// </summary>
    public DirectionalPolicy? Enforced { get; private set; }

    /// <summary>True when some tier isolates the identity in this direction.</summary>
    public bool Isolated => Tiers.Any(t => t.IsolatedBy.Count > 0);

    /// <summary>Every policy isolating the identity in this direction.</summary>
    public IEnumerable<PolicyRef> IsolatingPolicies => Tiers.SelectMany(t => t.IsolatedBy);

    /// <summary>
    /// Builds the tiers from the policies that apply to one identity in one direction (<paramref name="selecting"/>:
    /// those isolating it or with entries for it) and their (policy, rule) entries, and the enforced map beside them.
    /// </summary>
    public static DirectionalPolicy Build(IReadOnlyList<IrPolicy> selecting, IReadOnlyList<PolicyMapEntry> entries, Direction direction)
    {
        var all = new DirectionalPolicy(TiersOf(selecting, entries, direction));
        if (!selecting.Any(p => p.Audit)) return all;
        var enforced = selecting.Where(p => !p.Audit).ToList();
        all.Enforced = enforced.Count == 0 ? null : new DirectionalPolicy(TiersOf(enforced, [.. entries.Where(e => !e.Policy.Audit)], direction));
        return all;
    }

    private static List<TierBlock> TiersOf(IReadOnlyList<IrPolicy> selecting, IReadOnlyList<PolicyMapEntry> entries, Direction direction) =>
        selecting.Select(p => (p.Layer, p.Tier, p.TierOrder)).Concat(entries.Select(e => (e.Policy.Layer, e.Policy.Tier, e.Policy.TierOrder)))
            .Distinct()
            .OrderBy(t => t.Layer).ThenBy(t => t.TierOrder).ThenBy(t => t.Tier, StringComparer.Ordinal)
            .Select(t => new TierBlock(t.Layer, t.Tier, t.TierOrder,
                Groups(entries.Where(e => e.Policy.Layer == t.Layer && e.Policy.Tier == t.Tier)),
                [.. selecting.Where(p => p.Layer == PolicyLayer.Tiered && p.Tier == t.Tier && p.Isolates(direction)).Select(p => p.Ref)
                    .OrderBy(r => r.QualifiedName, StringComparer.Ordinal)]))
            .ToList();

    private static List<EntryGroup> Groups(IEnumerable<PolicyMapEntry> entries) =>
        entries.GroupBy(e => (e.Policy.Order, e.Rule.Action))
            .OrderBy(g => g.Key.Order).ThenBy(g => g.Key.Action)
            .Select(g => new EntryGroup(g.Key.Action, g.Key.Order, [.. g]))
            .ToList();
}
