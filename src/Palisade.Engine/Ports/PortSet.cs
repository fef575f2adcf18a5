using System.Text;

namespace Palisade.Engine.Ports;

/// <summary>
/// An immutable set of (protocol, port) pairs kept canonical: ranges sorted by protocol then start, never
/// overlapping or touching. Canonical form makes equality structural and the set algebra a linear merge.
/// </summary>
public sealed class PortSet : IEquatable<PortSet>
{
    /// <summary>Up to this many ranges, the set operations merge on the stack and allocate only the result.</summary>
    private const int StackRanges = 16;

    private readonly PortRange[] _ranges;

    private PortSet(PortRange[] ranges) => _ranges = ranges;

    /// <summary>The protocols a "port omitted, protocol omitted" rule means: TCP, UDP and SCTP.</summary>
    public static IReadOnlyList<Protocol> L4Protocols { get; } = [Protocol.Tcp, Protocol.Udp, Protocol.Sctp];

    /// <summary>No port at all.</summary>
    public static PortSet Empty { get; } = new([]);

    /// <summary>Every port of TCP, UDP and SCTP: what a connection matrix ranges over.</summary>
    public static PortSet Universe { get; } = new([.. L4Protocols.Select(PortRange.All)]);

    /// <summary>The ranges in canonical order.</summary>
    public IReadOnlyList<PortRange> Ranges => _ranges;

    /// <summary>True when the set holds nothing.</summary>
    public bool IsEmpty => _ranges.Length == 0;

    /// <summary>A set holding the given ranges (in any order, overlapping or not).</summary>
    public static PortSet Of(IEnumerable<PortRange> ranges) => new(Canonical(ranges));

    /// <summary>A set of one port.</summary>
    public static PortSet Single(Protocol protocol, int port) => new([new PortRange(protocol, port, port)]);

    /// <summary>Every port of one protocol.</summary>
    public static PortSet AllOf(Protocol protocol) => new([PortRange.All(protocol)]);

    /// <summary>True when the set holds <paramref name="port"/> of <paramref name="protocol"/>.</summary>
    public bool Contains(Protocol protocol, int port)
    {
        foreach (var r in _ranges)
        {
            if (r.Protocol == protocol && r.From <= port && port <= r.To) return true;
        }
        return false;
    }

    /// <summary>Set union.</summary>
    public PortSet Union(PortSet other)
    {
        if (other.IsEmpty || ReferenceEquals(this, other) || Covers(_ranges, other._ranges)) return this;
        if (IsEmpty || Covers(other._ranges, _ranges)) return other;
        var length = _ranges.Length + other._ranges.Length;
        var buffer = length <= StackRanges ? stackalloc PortRange[StackRanges] : new PortRange[length];
        var n = 0;
        int i = 0, j = 0;
        while (i < _ranges.Length || j < other._ranges.Length)
        {
            var takeMine = j == other._ranges.Length || (i < _ranges.Length && Compare(_ranges[i], other._ranges[j]) <= 0);
            n = Append(buffer, n, takeMine ? _ranges[i++] : other._ranges[j++]);
        }
        return new PortSet(buffer[..n].ToArray());
    }

    /// <summary>Set intersection.</summary>
    public PortSet Intersect(PortSet other)
    {
        if (IsEmpty || other.IsEmpty) return Empty;
        if (ReferenceEquals(this, other) || Covers(other._ranges, _ranges)) return this;
        if (Covers(_ranges, other._ranges)) return other;
        var length = _ranges.Length + other._ranges.Length;
        var buffer = length <= StackRanges ? stackalloc PortRange[StackRanges] : new PortRange[length];
        var n = 0;
        int i = 0, j = 0;
        while (i < _ranges.Length && j < other._ranges.Length)
        {
            PortRange a = _ranges[i], b = other._ranges[j];
            if (a.Protocol != b.Protocol)
            {
                if (a.Protocol < b.Protocol) i++;
                else j++;
                continue;
            }
            var from = Math.Max(a.From, b.From);
            var to = Math.Min(a.To, b.To);
            if (from <= to) n = Append(buffer, n, new PortRange(a.Protocol, from, to));
            if (a.To < b.To) i++;
            else j++;
        }
        return n == 0 ? Empty : new PortSet(buffer[..n].ToArray());
    }

    /// <summary>Set difference: the ports of this set not in <paramref name="other"/>.</summary>
    public PortSet Except(PortSet other)
    {
        if (IsEmpty || other.IsEmpty) return this;
        var length = _ranges.Length + other._ranges.Length;
        var result = length <= StackRanges ? stackalloc PortRange[StackRanges] : new PortRange[length];
        var n = 0;
        var changed = false;
        var first = 0;
        foreach (var a in _ranges)
        {
            while (first < other._ranges.Length && IsBefore(other._ranges[first], a)) first++;
            var from = a.From;
            for (var k = first; k < other._ranges.Length; k++)
            {
                var b = other._ranges[k];
                if (b.Protocol != a.Protocol || b.From > a.To) break;
                if (b.To < from) continue;
                changed = true;
                if (b.From > from) result[n++] = a with { From = from, To = b.From - 1 };
                from = b.To + 1;
                if (from > a.To) break;
            }
            if (from <= a.To) result[n++] = a with { From = from };
        }
        if (!changed) return this;
        return n == 0 ? Empty : new PortSet(result[..n].ToArray());
    }

    /// <summary>
    /// Sorts by protocol then start and merges overlapping or touching ranges. Every set's ranges are kept in this
    /// form, which is what lets <see cref="Union"/>, <see cref="Intersect"/> and <see cref="Except"/> be linear merges.
    /// </summary>
    private static PortRange[] Canonical(IEnumerable<PortRange> ranges)
    {
        var sorted = ranges.ToArray();
        if (!IsSorted(sorted)) Array.Sort(sorted, Compare);
        var n = 0;
        foreach (var r in sorted) n = Append(sorted, n, r);
        return n == sorted.Length ? sorted : sorted[..n];
    }

    /// <summary>Appends <paramref name="r"/> to the canonical prefix <c>buffer[..n]</c>, merging it into the last range when they overlap or touch; returns the new length.</summary>
    private static int Append(Span<PortRange> buffer, int n, PortRange r)
    {
        if (n > 0 && buffer[n - 1].Protocol == r.Protocol && r.From <= buffer[n - 1].To + 1)
        {
            buffer[n - 1] = buffer[n - 1] with { To = Math.Max(buffer[n - 1].To, r.To) };
            return n;
        }
        buffer[n] = r;
        return n + 1;
    }

    /// <summary>True when every range of <paramref name="inner"/> lies inside a range of <paramref name="outer"/> (both canonical).</summary>
    private static bool Covers(PortRange[] outer, PortRange[] inner)
    {
        var i = 0;
        foreach (var r in inner)
        {
            while (i < outer.Length && IsBefore(outer[i], r)) i++;
            if (i == outer.Length || outer[i].Protocol != r.Protocol || outer[i].From > r.From || outer[i].To < r.To) return false;
        }
        return true;
    }

    private static bool IsSorted(PortRange[] ranges)
    {
        for (var i = 1; i < ranges.Length; i++)
        {
            if (Compare(ranges[i - 1], ranges[i]) > 0) return false;
        }
        return true;
    }

    private static int Compare(PortRange a, PortRange b) => a.Protocol != b.Protocol ? a.Protocol.CompareTo(b.Protocol) : a.From.CompareTo(b.From);

    /// <summary>True when <paramref name="b"/> ends before <paramref name="a"/> starts (in protocol, then port order).</summary>
    private static bool IsBefore(PortRange b, PortRange a) => b.Protocol < a.Protocol || (b.Protocol == a.Protocol && b.To < a.From);

    /// <summary>"all", "none", or e.g. "TCP 80,443,8000-8080; UDP 53" (a whole protocol prints as "SCTP all").</summary>
    public override string ToString()
    {
        if (IsEmpty) return "none";
        if (Equals(Universe)) return "all";
        var sb = new StringBuilder();
        foreach (var group in _ranges.GroupBy(r => r.Protocol))
        {
            if (sb.Length > 0) sb.Append("; ");
            sb.Append(ProtocolNames.Name(group.Key)).Append(' ');
            sb.AppendJoin(',', group.Select(r => r.IsWhole ? "all" : r.From == r.To ? $"{r.From}" : $"{r.From}-{r.To}"));
        }
        return sb.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(PortSet? other) => other is not null && (ReferenceEquals(this, other) || _ranges.AsSpan().SequenceEqual(other._ranges));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PortSet);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var r in _ranges) h.Add(r);
        return h.ToHashCode();
    }
}
