using Palisade.Engine.Ir;
using Palisade.Engine.Verdicts;

namespace Palisade.Engine.Resolution;

/// <summary>
/// Records, for a single-port evaluation, which group decided and which entries of it matched, or which tier
/// denied by default. Only the first deciding group counts (later ones never see the port).
/// </summary>
internal sealed class SideRecorder
{
    private readonly List<RuleHit> _pending = [];

    public List<RuleHit> Hits { get; } = [];

    public List<RuleHit> Logged { get; } = [];

    public RuleAction? Decision { get; private set; }

    public TierBlock? DefaultDenyTier { get; private set; }

    public void Hit(EntryGroup group, PolicyMapEntry entry)
    {
        var hit = HitOf(entry);
        if (group.Action == RuleAction.Log) Logged.Add(hit);
        else if (Decision is null) _pending.Add(hit);
    }

    /// <summary>The hit a matching entry records.</summary>
    public static RuleHit HitOf(PolicyMapEntry entry) =>
        new(entry.Policy.Ref, entry.Policy.Tier, entry.Rule.Action, entry.Rule.Direction, entry.Rule.Index, entry.Rule.Label, entry.Rule.Log, entry.Rule.L7)
        {
            AnyPeer = entry.Rule.Peers is null,
            AnyPort = entry.Rule.Ports is null,
        };

    public void Decided(EntryGroup group)
    {
        if (group.Action == RuleAction.Log || Decision is not null) return;
        if (group.Action == RuleAction.Pass)
        {
            _pending.Clear();
            return;
        }
        Decision = group.Action;
        Hits.AddRange(_pending);
    }

    public void EndOfTier(TierBlock tier)
    {
        if (Decision is null && DefaultDenyTier is null) DefaultDenyTier = tier;
    }
}
