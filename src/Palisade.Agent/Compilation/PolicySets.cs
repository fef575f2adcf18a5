namespace Palisade.Agent.Compilation;

/// <summary>
/// What one identity may do in one direction on this node: the allowed entries, shared by every local endpoint of the
/// identity. <see cref="Description"/> names it for people reading <c>nft list table</c>.
/// </summary>
public sealed record PolicySets(string Description, IReadOnlySet<AllowEntry> Entries)
{
    /// <summary>True when both allow exactly the same.</summary>
    public bool SameEntries(PolicySets other) => Entries.SetEquals(other.Entries);
}
