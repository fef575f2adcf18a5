using Palisade.Engine.Ports;
using Palisade.Engine.Verdicts;

namespace Palisade.Engine.Tests.Properties;

/// <summary>The ports worth probing on a side: fixed ports plus both edges of every decided range and the ports just outside them.</summary>
internal static class PortProbes
{
    private static readonly int[] Fixed = [0, 1, 53, 79, 80, 81, 443, 5432, 8080, 8443, 9090, 65535];

    /// <summary>The probes for <paramref name="decisions"/>, for every L4 protocol.</summary>
    public static IEnumerable<(Protocol Protocol, int Port)> Of(IEnumerable<(PortSet Ports, SideDecision Decision)> decisions)
    {
        var ports = new HashSet<(Protocol, int)>();
        foreach (var protocol in PortSet.L4Protocols) ports.UnionWith(Fixed.Select(p => (protocol, p)));
        foreach (var range in decisions.SelectMany(d => d.Ports.Ranges))
        {
            foreach (var p in new[] { range.From - 1, range.From, range.To, range.To + 1 }.Where(p => p is >= 0 and <= 65535)) ports.Add((range.Protocol, p));
        }
        return ports;
    }

    /// <summary>The decision of <paramref name="decisions"/> covering one port (exactly one must).</summary>
    public static SideDecision At(IReadOnlyList<(PortSet Ports, SideDecision Decision)> decisions, Protocol protocol, int port) =>
        decisions.Single(d => d.Ports.Contains(protocol, port)).Decision;

    /// <summary>The key of the decision a verdict's side states (what <see cref="SideDecision.Key"/> compares).</summary>
    public static string KeyOf(SideVerdict side) => new SideDecision(side.Reason, side.DecidedBy, side.IsolatedBy) { WouldBe = side.WouldBe }.Key;
}
