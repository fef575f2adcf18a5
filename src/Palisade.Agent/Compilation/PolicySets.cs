namespace Palisade.Agent.Compilation;

/// <summary>
/// How one identity's traffic in one direction is decided on this node, shared by every local endpoint of the
/// identity: the entries whose verdict differs from the chain's <see cref="Default"/> (the verdict of everything else —
/// usually the default deny of the policies isolating it). <see cref="Description"/> names it for people reading
/// <c>nft list table</c>.
/// </summary>
public sealed record PolicySets(string Description, IReadOnlySet<PolicyEntry> Entries, uint Default)
{
    /// <summary>The verdicts the chain sends packets to.</summary>
    public IReadOnlySet<uint> Verdicts { get; } = Entries.Select(e => e.Verdict).Append(Default).ToHashSet();

    /// <summary>True when both hold exactly the same entries.</summary>
    public bool SameEntries(PolicySets other) => Entries.SetEquals(other.Entries);
}
