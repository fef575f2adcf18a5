using System.Text;

namespace Palisade.Engine.Ports;

/// <summary>
/// An immutable set of (protocol, port) pairs kept canonical: ranges sorted by protocol then start, never
/// overlapping or touching. Canonical form makes equality structural and the set algebra a linear merge.
/// </summary>
public sealed class PortSet : IEquatable<PortSet>
{
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
    public PortSet Union(PortSet other) =>
        other.IsEmpty || ReferenceEquals(this, other) ? this : IsEmpty ? other : new PortSet(Canonical(_ranges.Concat(other._ranges)));

    /// <summary>Set intersection.</summary>
    public PortSet Intersect(PortSet other)
    {
        if (IsEmpty || other.IsEmpty) return Empty;
        if (ReferenceEquals(this, other)) return this;
        var result = new List<PortRange>();
        foreach (var a in _ranges)
        {
            foreach (var b in other._ranges)
            {
                if (a.Protocol != b.Protocol) continue;
                var from = Math.Max(a.From, b.From);
                var to = Math.Min(a.To, b.To);
                if (from <= to) result.Add(new PortRange(a.Protocol, from, to));
            }
        }
        return result.Count == 0 ? Empty : new PortSet(Canonical(result));
    }

    /// <summary>Set difference: the ports of this set not in <paramref name="other"/>.</summary>
    public PortSet Except(PortSet other)
    {
        if (IsEmpty || other.IsEmpty) return this;
        var result = new List<PortRange>();
        foreach (var a in _ranges)
        {
            var from = a.From;
            foreach (var b in other._ranges)
            {
                if (b.Protocol != a.Protocol || b.To < from || b.From > a.To) continue;
                if (b.From > from) result.Add(a with { From = from, To = b.From - 1 });
                from = b.To + 1;
                if (from > a.To) break;
            }
            if (from <= a.To) result.Add(a with { From = from });
        }
        return result.Count == 0 ? Empty : new PortSet([.. result]);
    }

    private static PortRange[] Canonical(IEnumerable<PortRange> ranges)
    {
        var sorted = ranges.OrderBy(r => r.Protocol).ThenBy(r => r.From).ToList();
        var merged = new List<PortRange>(sorted.Count);
        foreach (var r in sorted)
        {
            if (merged.Count > 0 && merged[^1].Protocol == r.Protocol && r.From <= merged[^1].To + 1)
            {
                merged[^1] = merged[^1] with { To = Math.Max(merged[^1].To, r.To) };
                continue;
            }
            merged.Add(r);
        }
        return [.. merged];
    }

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
