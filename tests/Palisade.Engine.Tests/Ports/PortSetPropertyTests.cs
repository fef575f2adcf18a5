using CsCheck;
using Palisade.Engine.Ports;

namespace Palisade.Engine.Tests.Ports;

/// <summary>
/// PortSet's algebra against the obvious model, a membership predicate. Range ends are drawn from a few values (with
/// the edges 0 and 65535), so membership at each value and its neighbours decides a whole set, and the canonical form
/// (sorted, never overlapping or touching) makes equal sets equal objects.
/// </summary>
public class PortSetPropertyTests
{
    private static readonly int[] Ends = [0, 1, 2, 5, 6, 7, 20, 21, 80, 81, 65534, 65535];

    private static readonly int[] ProbePoints = [.. Ends.SelectMany(e => new[] { e - 1, e, e + 1 }).Where(p => p is >= 0 and <= 65535).Distinct().Order()];

    private static readonly Protocol[] Protocols = [Protocol.Tcp, Protocol.Udp, Protocol.Sctp];

    private static readonly Gen<PortRange> Range =
        Gen.Select(Gen.Int[0, Protocols.Length - 1], Gen.Int[0, Ends.Length - 1], Gen.Int[0, Ends.Length - 1],
            (p, a, b) => new PortRange(Protocols[p], Math.Min(Ends[a], Ends[b]), Math.Max(Ends[a], Ends[b])));

    private static readonly Gen<PortRange[]> Ranges = Range.Array[0, 5];

    [Fact]
    public void Union_intersection_and_difference_agree_with_membership()
    {
        Gen.Select(Ranges, Ranges).Sample((a, b) =>
        {
            var (x, y) = (PortSet.Of(a), PortSet.Of(b));
            AssertMembers(x.Union(y), (p, n) => In(a, p, n) || In(b, p, n));
            AssertMembers(x.Intersect(y), (p, n) => In(a, p, n) && In(b, p, n));
            AssertMembers(x.Except(y), (p, n) => In(a, p, n) && !In(b, p, n));
        }, iter: 20_000, print: c => $"{Show(c.Item1)} and {Show(c.Item2)}");
    }

    [Fact]
    public void Sets_with_the_same_members_are_equal_whatever_the_ranges_they_were_built_from()
    {
        Gen.Select(Ranges, Ranges).Sample((a, b) =>
        {
            var (x, y) = (PortSet.Of(a), PortSet.Of(b));
            var same = ProbePoints.All(n => Protocols.All(p => In(a, p, n) == In(b, p, n)));
            Assert.Equal(same, x.Equals(y));
            if (same) Assert.Equal(x.GetHashCode(), y.GetHashCode());
            Assert.Equal(x.Union(y), y.Union(x));
            Assert.Equal(x.Intersect(y), y.Intersect(x));
            Assert.Equal(x, PortSet.Of(a.Reverse()));
            Assert.Equal(x, x.Union(y).Except(y.Except(x)));
        }, iter: 20_000, print: c => $"{Show(c.Item1)} and {Show(c.Item2)}");
    }

    [Fact]
    public void Special_sets_behave_as_their_names_say()
    {
        Assert.True(PortSet.Empty.IsEmpty);
        Assert.Equal("none", PortSet.Empty.ToString());
        Assert.Equal("all", PortSet.Universe.ToString());
        Assert.Equal(PortSet.Universe, PortSet.Of(Protocols.Select(PortRange.All)));
        Assert.Equal(PortSet.Universe, PortSet.AllOf(Protocol.Udp).Union(PortSet.AllOf(Protocol.Sctp)).Union(PortSet.AllOf(Protocol.Tcp)));
        Assert.Equal("TCP 80-81; UDP all", PortSet.Single(Protocol.Tcp, 81).Union(PortSet.AllOf(Protocol.Udp)).Union(PortSet.Single(Protocol.Tcp, 80)).ToString());
        Assert.Equal(PortSet.Empty, PortSet.Universe.Except(PortSet.Universe));
        Assert.False(PortSet.Single(Protocol.Udp, 53).Contains(Protocol.Tcp, 53));
    }

    private static void AssertMembers(PortSet set, Func<Protocol, int, bool> expected)
    {
        foreach (var p in Protocols)
        {
            foreach (var n in ProbePoints)
            {
                if (set.Contains(p, n) != expected(p, n)) Assert.Fail($"{set}: {ProtocolNames.Name(p)} {n} should be {(expected(p, n) ? "in" : "out")}");
            }
        }
        var ranges = set.Ranges;
        for (var i = 0; i < ranges.Count; i++)
        {
            var canonical = ranges[i].From <= ranges[i].To && (i == 0 || ranges[i - 1].Protocol < ranges[i].Protocol ||
                (ranges[i - 1].Protocol == ranges[i].Protocol && ranges[i - 1].To + 1 < ranges[i].From));
            if (!canonical) Assert.Fail($"not canonical at range {i}: {set}");
        }
    }

    private static bool In(PortRange[] ranges, Protocol protocol, int port) =>
        ranges.Any(r => r.Protocol == protocol && r.From <= port && port <= r.To);

    private static string Show(PortRange[] ranges) => "[" + string.Join(", ", ranges.Select(r => $"{ProtocolNames.Name(r.Protocol)} {r.From}-{r.To}")) + "]";
}
