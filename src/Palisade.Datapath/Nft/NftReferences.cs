namespace Palisade.Datapath.Nft;

/// <summary>Checks what rules and verdict map elements refer to (sets with the right types, jump targets) against a catalogue.</summary>
internal static class NftReferences
{
    /// <summary>Why <paramref name="rule"/> cannot be added to a chain of <paramref name="table"/>, or null when it can.</summary>
    public static string? RuleProblem(NftCatalog catalog, NftTable table, NftRule rule)
    {
        foreach (var statement in rule.Statements)
        {
            var problem = SetProblem(catalog, table, statement.SetUse) ?? TargetProblem(catalog, table, statement.JumpTarget);
            if (problem is not null) return problem;
        }
        return null;
    }

    /// <summary>Why the verdicts of <paramref name="elements"/> cannot be in a map of <paramref name="table"/>, or null when they can.</summary>
    public static string? ElementsProblem(NftCatalog catalog, NftTable table, IEnumerable<NftElement> elements) =>
        elements.Select(e => TargetProblem(catalog, table, e.Verdict?.Chain)).FirstOrDefault(p => p is not null);

    private static string? SetProblem(NftCatalog catalog, NftTable table, NftSetUse? use)
    {
        if (use is null) return null;
        var set = catalog.Set(table, use.Name);
        return set is null ? $"@{use.Name}: set {table} {use.Name} does not exist" : use.Problem(set);
    }

    private static string? TargetProblem(NftCatalog catalog, NftTable table, string? target)
    {
        if (target is null) return null;
        var chain = catalog.Chain(table, target);
        if (chain is null) return $"jump or goto target chain {table} {target} does not exist";
        return chain.IsBase ? $"chain {chain} is a base chain; only regular chains can be jump or goto targets" : null;
    }
}
