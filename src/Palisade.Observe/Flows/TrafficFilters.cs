using System.Globalization;
using System.Text.RegularExpressions;

namespace Palisade.Observe.Flows;

/// <summary>The parts of a <see cref="FlowFilter"/> about the packet and the event: ports, protocol, verdict, type, ...</summary>
internal static class TrafficFilters
{
    private static readonly string[] Protocols = ["tcp", "udp", "sctp", "icmp", "icmpv4", "icmpv6", "dns", "http"];

    /// <summary>Adds one predicate per set field; within a field any value matching is enough.</summary>
    public static void Add(List<Func<Flow, bool>> parts, FlowFilter ff)
    {
        AddSet(parts, ff.Uuid, f => f.Uuid);
        AddSet(parts, ff.Verdict, f => f.Verdict);
        AddSet(parts, ff.DropReasonDesc, f => f.DropReasonDesc);
        AddSet(parts, ff.TrafficDirection, f => f.TrafficDirection);
        AddSet(parts, ff.IpVersion, f => f.IP?.IpVersion ?? IPVersion.IpNotUsed);
        AddPorts(parts, ff.SourcePort, FlowPorts.Source);
        AddPorts(parts, ff.DestinationPort, FlowPorts.Destination);
        AddProtocols(parts, ff.Protocol);
        AddEventTypes(parts, ff.EventType);
        AddNodeNames(parts, ff.NodeName);
        if (ff.Reply.Count > 0)
        {
            var replies = ff.Reply.ToHashSet();
            parts.Add(f => f.IsReply is { } reply && replies.Contains(reply));
        }
    }

    private static void AddSet<T>(List<Func<Flow, bool>> parts, IReadOnlyCollection<T> values, Func<Flow, T> field)
    {
        if (values.Count > 0)
        {
            var set = values.ToHashSet();
            parts.Add(f => set.Contains(field(f)));
        }
    }

    private static void AddPorts(List<Func<Flow, bool>> parts, IReadOnlyCollection<string> values, Func<Flow, uint?> port)
    {
        if (values.Count > 0)
        {
            var ports = values.Select(ParsePort).ToHashSet();
            parts.Add(f => port(f) is { } p && ports.Contains(p));
        }
    }

    private static uint ParsePort(string value) =>
        ushort.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : throw new FlowFilterException($"invalid port \"{value}\": must be a number from 0 to 65535");

    private static void AddProtocols(List<Func<Flow, bool>> parts, IReadOnlyCollection<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        var wanted = values.Select(v => v.ToLowerInvariant()).ToHashSet();
        var unknown = wanted.FirstOrDefault(p => !Protocols.Contains(p));
        if (unknown is not null)
        {
            throw new FlowFilterException($"unknown protocol \"{unknown}\": expected one of {string.Join(", ", Protocols)}");
        }
        parts.Add(f => wanted.Overlaps(ProtocolsOf(f)));
    }

    private static IEnumerable<string> ProtocolsOf(Flow f)
    {
        switch (f.L4?.ProtocolCase)
        {
            case Layer4.ProtocolOneofCase.TCP: yield return "tcp"; break;
            case Layer4.ProtocolOneofCase.UDP: yield return "udp"; break;
            case Layer4.ProtocolOneofCase.SCTP: yield return "sctp"; break;
            case Layer4.ProtocolOneofCase.ICMPv4: yield return "icmp"; yield return "icmpv4"; break;
            case Layer4.ProtocolOneofCase.ICMPv6: yield return "icmp"; yield return "icmpv6"; break;
        }
        switch (f.L7?.RecordCase)
        {
            case Layer7.RecordOneofCase.Dns: yield return "dns"; break;
            case Layer7.RecordOneofCase.Http: yield return "http"; break;
        }
    }

    private static void AddEventTypes(List<Func<Flow, bool>> parts, IReadOnlyCollection<EventTypeFilter> values)
    {
        if (values.Count > 0)
        {
            var filters = values.ToArray();
            parts.Add(f => f.EventType is { } e && filters.Any(t =>
                (t.Type == 0 || t.Type == e.Type) && (!t.MatchSubType || t.SubType == e.SubType)));
        }
    }

    private static void AddNodeNames(List<Func<Flow, bool>> parts, IReadOnlyCollection<string> values)
    {
        if (values.Count > 0)
        {
            var patterns = values.Select(NodePattern).ToArray();
            parts.Add(f => patterns.Any(p => p(f.NodeName)));
        }
    }

    /// <summary>A node name pattern: <c>*</c> is a wildcard; without a slash it matches the name after any <c>cluster/</c>.</summary>
    private static Func<string, bool> NodePattern(string pattern)
    {
        if (pattern.Length == 0)
        {
            throw new FlowFilterException("invalid node name filter: it is empty");
        }
        var full = pattern.Contains('/', StringComparison.Ordinal);
        var glob = full && pattern.EndsWith('/') ? pattern + "*" : pattern;
        var regex = new Regex("^" + Regex.Escape(glob).Replace(@"\*", ".*", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        return name => regex.IsMatch(full ? name : name[(name.LastIndexOf('/') + 1)..]);
    }
}
