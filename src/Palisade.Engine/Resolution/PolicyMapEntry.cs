using System.Runtime.CompilerServices;
using Palisade.Engine.Ir;
using Palisade.Engine.Ports;

namespace Palisade.Engine.Resolution;

/// <summary>
/// One rule as it applies to one identity: who it matches, its numeric ports as a set, and its named ports, which
/// are resolved per flow against the destination pod.
/// </summary>
internal sealed class PolicyMapEntry(IrPolicy policy, IrRule rule, RulePeerMatcher peer, PortSet ports, IReadOnlyList<IrPort> namedPorts)
{
    public IrPolicy Policy { get; } = policy;

    public IrRule Rule { get; } = rule;

    public RulePeerMatcher Peer { get; } = peer;

    /// <summary>The ports this entry covers for a flow, given the destination pod's class (null when the destination is not a pod).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PortSet PortsFor(EndpointClass? destination)
    {
        if (namedPorts.Count == 0) return ports;
        if (destination is null) return ports;
        var resolved = new List<PortRange>();
        foreach (var p in namedPorts)
        {
            foreach (var proto in p.Protocols)
            {
                if (destination.Resolve(p.Name!, proto) is { } n) resolved.Add(new PortRange(proto, n, n));
            }
        }
        return resolved.Count == 0 ? ports : ports.Union(PortSet.Of(resolved));
    }
}
