using System.Collections;

namespace Palisade.Engine.Identities;

/// <summary>A set of cluster identities as a bit set indexed by (number - 256).</summary>
public sealed class IdentitySet(BitArray bits, int count)
{
    /// <summary>How many identities are in the set.</summary>
    public int Count { get; } = count;

    /// <summary>True when the identity numbered <paramref name="id"/> is in the set.</summary>
    public bool Contains(int id)
    {
        var i = id - Identity.FirstClusterId;
        return i >= 0 && i < bits.Length && bits[i];
    }

    /// <summary>The numbers in the set, ascending.</summary>
    public IEnumerable<int> Ids()
    {
        for (var i = 0; i < bits.Length; i++)
        {
            if (bits[i]) yield return i + Identity.FirstClusterId;
        }
    }
}
