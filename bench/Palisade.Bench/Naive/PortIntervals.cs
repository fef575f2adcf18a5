namespace Palisade.Bench.Naive;

/// <summary>
/// A set of (protocol, port) pairs as a sorted list of disjoint inclusive intervals per protocol name ("TCP", "UDP",
/// "SCTP"). Deliberately independent of the engine's PortSet, so the cross-check compares two implementations.
/// </summary>
internal sealed class PortIntervals
{
    public const int MaxPort = 65535;
    private static readonly string[] L4 = ["TCP", "UDP", "SCTP"];

    private readonly List<(string Protocol, int From, int To)> _items = [];

    public IReadOnlyList<(string Protocol, int From, int To)> Items => _items;

    public static PortIntervals Universe()
    {
        var all = new PortIntervals();
        foreach (var p in L4) all._items.Add((p, 0, MaxPort));
        return all;
    }

    public void Add(string protocol, int from, int to)
    {
        _items.Add((protocol, from, to));
        Normalize();
    }

    public void AddAll(PortIntervals other)
    {
        _items.AddRange(other._items);
        Normalize();
    }

    public PortIntervals Intersect(PortIntervals other)
    {
        var result = new PortIntervals();
        foreach (var a in _items)
        {
            foreach (var b in other._items)
            {
                if (a.Protocol == b.Protocol && Math.Max(a.From, b.From) <= Math.Min(a.To, b.To))
                {
                    result._items.Add((a.Protocol, Math.Max(a.From, b.From), Math.Min(a.To, b.To)));
                }
            }
        }
        result.Normalize();
        return result;
    }

    /// <summary>True when both hold exactly the same pairs.</summary>
    public bool SameAs(IEnumerable<(string Protocol, int From, int To)> other) => _items.SequenceEqual(Canonical(other));

    /// <inheritdoc/>
    public override string ToString() => _items.Count == 0 ? "none" : string.Join(" ", _items.Select(i => $"{i.Protocol}:{i.From}-{i.To}"));

    private void Normalize()
    {
        var sorted = Canonical(_items);
        _items.Clear();
        _items.AddRange(sorted);
    }

    private static List<(string Protocol, int From, int To)> Canonical(IEnumerable<(string Protocol, int From, int To)> items)
    {
        var merged = new List<(string Protocol, int From, int To)>();
        foreach (var r in items.OrderBy(i => i.Protocol, StringComparer.Ordinal).ThenBy(i => i.From))
        {
            if (merged.Count > 0 && merged[^1].Protocol == r.Protocol && r.From <= merged[^1].To + 1)
            {
                merged[^1] = (r.Protocol, merged[^1].From, Math.Max(merged[^1].To, r.To));
                continue;
            }
            merged.Add(r);
        }
        return merged;
    }
}
