namespace Palisade.Bench.Generation;

/// <summary>A namespace of the generated cluster, with its team and env labels and its Deployments.</summary>
internal sealed record NamespacePlan(string Name, string Team, string Env)
{
    /// <summary>The Deployments of the namespace.</summary>
    public List<AppPlan> Apps { get; } = [];

    /// <summary>Apps of one tier (empty when the namespace has none).</summary>
    public IEnumerable<AppPlan> OfTier(string tier) => Apps.Where(a => a.Tier == tier);
}
