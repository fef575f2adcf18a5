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
/// <param name="Policies">Each policy chain (by name) to what it allows.</param>
public sealed record NodeProgram(
    string Node,
    IReadOnlyDictionary<uint, uint> Addresses,
    IReadOnlyList<AddressBlock> Blocks,
    IReadOnlyDictionary<string, EndpointDispatch> Endpoints,
    IReadOnlyDictionary<string, PolicySets> Policies)
{
    /// <summary>How many elements a full load writes.</summary>
    public int ElementCount => Addresses.Count + Blocks.Count + (2 * Endpoints.Count) + Policies.Values.Sum(p => p.Entries.Count);
}
