using Palisade.Policy.Net;

namespace Palisade.Policy.Inventory;

/// <summary>Sorting and set operations on prefixes, for deterministic member lists.</summary>
internal static class CidrOrder
{
    /// <summary>IPv4 before IPv6, then by network address, then shorter prefixes first.</summary>
    public static readonly Comparer<Cidr> Comparer = Comparer<Cidr>.Create(static (a, b) =>
    {
        var byNetwork = a.Network.CompareTo(b.Network);
        return byNetwork != 0 ? byNetwork : a.PrefixLength.CompareTo(b.PrefixLength);
    });

    /// <summary>The distinct prefixes of <paramref name="cidrs"/>, sorted.</summary>
    public static IReadOnlyList<Cidr> Sorted(IEnumerable<Cidr> cidrs)
    {
        var list = cidrs.Distinct().ToList();
        list.Sort(Comparer);
        return list;
    }

    /// <summary>
    /// The addresses in both sets, as prefixes: each prefix of one set that lies inside a prefix of the other. Two
    /// prefixes either nest or are disjoint, so this is exact.
    /// </summary>
    public static IReadOnlyList<Cidr> Intersect(IReadOnlySet<Cidr> a, IReadOnlySet<Cidr> b) =>
        Sorted(a.Where(x => CoveredBy(x, b)).Concat(b.Where(y => CoveredBy(y, a))));

    private static bool CoveredBy(Cidr cidr, IReadOnlySet<Cidr> set)
    {
        for (var prefix = cidr.PrefixLength; prefix >= 0; prefix--)
        {
            if (set.Contains(Truncate(cidr, prefix))) return true;
        }
        return false;
    }

    private static Cidr Truncate(Cidr cidr, int prefix)
    {
        var width = cidr.Network.Width;
        var all = width == 32 ? (UInt128)uint.MaxValue : UInt128.MaxValue;
        var mask = prefix == 0 ? UInt128.Zero : (all << (width - prefix)) & all;
        return new Cidr(cidr.Network with { Bits = cidr.Network.Bits & mask }, prefix);
    }
}
