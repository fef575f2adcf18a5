namespace Palisade.Agent.Compilation;

/// <summary>
/// Everything the node's policy table must hold, as plain data: what an update is computed from (the difference of
/// two programs) and what a full load writes. The table's fixed chains are not part of it (see
/// <c>Programming.NodeTable</c>).
/// </summary>
/// <param name="Node">The node.</param>
/// <param name="Addresses">Pod and node addresses to identities.</param>
/// <param name="Blocks">Outside blocks (interval) to identities.</param>
/// <param name="Endpoints">Each local pod's interface to its dispatch.</param>
/// <param name="Policies">Each policy chain (by name) to how it decides.</param>
/// <param name="Verdicts">The numbered verdicts the policy chains send packets to (the open ones are fixed chains).</param>
public sealed record NodeProgram(
    string Node,
    IReadOnlyDictionary<uint, uint> Addresses,
    IReadOnlyList<AddressBlock> Blocks,
    IReadOnlyDictionary<string, EndpointDispatch> Endpoints,
    IReadOnlyDictionary<string, PolicySets> Policies,
    IReadOnlyDictionary<uint, VerdictRule> Verdicts)
{
    /// <summary>The verdicts <paramref name="policies"/> use, looked up in <paramref name="numbers"/>.</summary>
    public static IReadOnlyDictionary<uint, VerdictRule> VerdictsOf(IReadOnlyDictionary<string, PolicySets> policies, VerdictNumbering numbers)
    {
        var verdicts = new Dictionary<uint, VerdictRule>();
        foreach (var number in policies.Values.SelectMany(p => p.Verdicts))
        {
            if (!verdicts.ContainsKey(number)) verdicts[number] = numbers.Find(number)!;
        }
        return verdicts;
    }

    /// <summary>How many elements a full load writes.</summary>
    public int ElementCount => Addresses.Count + Blocks.Count + (2 * Endpoints.Count) + Policies.Values.Sum(p => p.Entries.Count);
}
