using Palisade.Engine.Ir;

namespace Palisade.Engine.Resolution;

/// <summary>An identity's policy map for one direction: its tiers in evaluation order.</summary>
internal sealed class DirectionalPolicy(IReadOnlyList<TierBlock> tiers)
{
    public IReadOnlyList<TierBlock> Tiers { get; } = tiers;

    /// <summary>True when some tier isolates the identity in this direction.</summary>
    public bool Isolated => Tiers.Any(t => t.IsolatedBy.Count > 0);

    /// <summary>Every policy isolating the identity in this direction.</summary>
    public IEnumerable<PolicyRef> IsolatingPolicies => Tiers.SelectMany(t => t.IsolatedBy);

    /// <summary>Builds the tiers from the (policy, rule) pairs that apply to one identity in one direction.</summary>
    public static DirectionalPolicy Build(IEnumerable<IrPolicy> selecting, IEnumerable<PolicyMapEntry> entries, Direction direction)
    {
        var tiers = selecting.Select(p => (p.Layer, p.Tier, p.TierOrder)).Concat(entries.Select(e => (e.Policy.Layer, e.Policy.Tier, e.Policy.TierOrder)))
            .Distinct()
            .OrderBy(t => t.Layer).ThenBy(t => t.TierOrder).ThenBy(t => t.Tier, StringComparer.Ordinal)
            .Select(t => new TierBlock(t.Layer, t.Tier, t.TierOrder,
                Groups(entries.Where(e => e.Policy.Layer == t.Layer && e.Policy.Tier == t.Tier)),
                [.. selecting.Where(p => p.Layer == PolicyLayer.Tiered && p.Tier == t.Tier && p.Isolates(direction)).Select(p => p.Ref)
                    .OrderBy(r => r.QualifiedName, StringComparer.Ordinal)]))
            .ToList();
        return new DirectionalPolicy(tiers);
    }

    private static List<EntryGroup> Groups(IEnumerable<PolicyMapEntry> entries) =>
        entries.GroupBy(e => (e.Policy.Order, e.Rule.Action))
            .OrderBy(g => g.Key.Order).ThenBy(g => g.Key.Action)
            .Select(g => new EntryGroup(g.Key.Action, g.Key.Order, [.. g]))
            .ToList();
}
