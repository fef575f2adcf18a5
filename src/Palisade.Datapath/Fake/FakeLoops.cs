using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Fake;

/// <summary>Finds a jump loop reachable from a base chain, which the kernel refuses (ELOOP, "Too many links").</summary>
internal static class FakeLoops
{
    /// <summary>The chains of a loop reachable from a base chain of <paramref name="table"/>, or null when there is none.</summary>
    public static IReadOnlyList<string>? Find(FakeTable table)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in table.Chains.Where(c => c.Chain.IsBase))
        {
            var loop = Walk(table, start.Chain.Name, [], done);
            if (loop is not null) return loop;
        }
        return null;
    }

    private static List<string>? Walk(FakeTable table, string chain, List<string> path, HashSet<string> done)
    {
        if (path.Contains(chain)) return [.. path.SkipWhile(c => c != chain), chain];
        if (!done.Add(chain)) return null;
        path.Add(chain);
        foreach (var target in Targets(table, chain))
        {
            var loop = Walk(table, target, path, done);
            if (loop is not null) return loop;
        }
        path.RemoveAt(path.Count - 1);
        return null;
    }

    private static IEnumerable<string> Targets(FakeTable table, string chain) =>
        table.Chain(chain)?.Rules.SelectMany(r => r.Statements).SelectMany(s => s switch
        {
            NftVerdictMap map => table.Set(map.Map)?.Elements.Select(e => e.Verdict?.Chain).OfType<string>() ?? [],
            _ => s.JumpTarget is { } target ? [target] : [],
        }) ?? [];
}
