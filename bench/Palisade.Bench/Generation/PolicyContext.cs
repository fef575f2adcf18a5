namespace Palisade.Bench.Generation;

/// <summary>What a policy shape needs to pick realistic selectors: its namespace, every namespace, and the seeded random source.</summary>
internal sealed record PolicyContext(NamespacePlan Namespace, IReadOnlyList<NamespacePlan> All, Random Rng, string Name)
{
    /// <summary>The <c>app</c> label of a random Deployment of <paramref name="tier"/> here (any tier when there is none).</summary>
    public string AppOf(string tier)
    {
        var candidates = Namespace.OfTier(tier).ToList();
        if (candidates.Count == 0) candidates = Namespace.Apps;
        return candidates.Count == 0 ? "none" : candidates[Rng.Next(candidates.Count)].App;
    }

    /// <summary>A random application namespace other than this one (this one when it is the only one).</summary>
    public NamespacePlan OtherNamespace()
    {
        var apps = All.Where(n => n.Team != "platform" && n != Namespace).ToList();
        return apps.Count == 0 ? Namespace : apps[Rng.Next(apps.Count)];
    }

    /// <summary>A random team name.</summary>
    public string Team() => AppCatalog.Teams[Rng.Next(AppCatalog.Teams.Count)];
}
