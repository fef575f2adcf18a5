using Palisade.Engine;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ir;
using Palisade.Engine.Ports;
using Palisade.Engine.Resolution;

namespace Palisade.Agent.Compilation;

/// <summary>
/// Compiles the engine's decisions for one node into a <see cref="NodeProgram"/>: for every identity with a local
/// endpoint and a direction some policy has rules for, the (peer identity, protocol, ports) the engine allows —
/// tiers, deny precedence, named ports, entities, CIDR exceptions and ICMP types already folded in. Pure.
/// </summary>
public static class NodeCompiler
{
    /// <summary>TCP, UDP and SCTP on every port, and every ICMP type: what a rule without ports allows.</summary>
    public static PortSet Universe { get; } = PortSet.Universe.Union(PortSet.Of([new PortRange(Protocol.Icmp, 0, 255)]));

    /// <summary>The program of node <paramref name="node"/>; <paramref name="interfaceOf"/> names a local pod's interface on the node (null: it has none yet).</summary>
    public static NodeProgram Compile(PolicyEngine engine, string node, IdentityNumbering numbers, Func<Endpoint, string?> interfaceOf) =>
        Compile(engine, node, numbers, interfaceOf, out _);

    /// <summary>The program, and the identities it was compiled over (what a later policy change is evaluated against).</summary>
    public static NodeProgram Compile(PolicyEngine engine, string node, IdentityNumbering numbers, Func<Endpoint, string?> interfaceOf, out AddressIdentities identities)
    {
        identities = AddressIdentities.For(engine, node, numbers);
        var endpoints = new Dictionary<string, EndpointDispatch>(StringComparer.Ordinal);
        var policies = new Dictionary<string, PolicySets>(StringComparer.Ordinal);
        foreach (var endpoint in engine.Cluster.Endpoints.Where(e => e.NodeName == node))
        {
            if (interfaceOf(endpoint) is not { } ifname) continue;
            if (endpoint.HostNetwork)
            {
                endpoints[ifname] = new EndpointDispatch(0, null, null);
                continue;
            }
            var subject = engine.ClassOf(endpoint);
            var id = numbers.Class(subject.Key);
            endpoints[ifname] = new EndpointDispatch(
                id,
                Policy(engine, endpoint, subject, id, Direction.Egress, identities, policies),
                Policy(engine, endpoint, subject, id, Direction.Ingress, identities, policies));
        }
        numbers.Retain(identities.Peers.Keys.ToHashSet());
        return new NodeProgram(node, identities.Exact, identities.Blocks, endpoints, policies);
    }

    /// <summary>The name of an identity's policy chain for a direction.</summary>
    public static string ChainName(Direction direction, uint identity) =>
        $"{(direction == Direction.Egress ? "egress" : "ingress")}-{identity}";

    private static string? Policy(PolicyEngine engine, Endpoint endpoint, EndpointClass subject, uint id, Direction direction, AddressIdentities identities, Dictionary<string, PolicySets> policies)
    {
        if (!engine.HasRules(endpoint, direction)) return null;
        var name = ChainName(direction, id);
        if (!policies.ContainsKey(name)) policies[name] = Sets(engine, subject, endpoint, direction, id, identities);
        return name;
    }

    /// <summary>What identity <paramref name="id"/> (class <paramref name="subject"/>, of which <paramref name="member"/> is a pod) may do in <paramref name="direction"/>.</summary>
    internal static PolicySets Sets(PolicyEngine engine, EndpointClass subject, Endpoint member, Direction direction, uint id, AddressIdentities identities) =>
        new(Describe(member, direction, id), Allowed(engine, subject, direction, identities));

    private static HashSet<AllowEntry> Allowed(PolicyEngine engine, EndpointClass subject, Direction direction, AddressIdentities identities)
    {
        var entries = new HashSet<AllowEntry>();
        foreach (var (identity, peer) in identities.Peers)
        {
            foreach (var range in engine.SideAllowedPorts(subject, direction, peer, Universe).Ranges)
            {
                if (range.Protocol is Protocol.Tcp or Protocol.Udp or Protocol.Sctp)
                {
                    entries.Add(new AllowEntry(identity, (byte)range.Protocol, (ushort)range.From, (ushort)range.To));
                }
                else if (range.Protocol == Protocol.Icmp)
                {
                    // th sport of an ICMP header is type << 8 | code: a type is every code of it.
                    entries.Add(new AllowEntry(identity, AllowEntry.Icmp, (ushort)(range.From << 8), (ushort)((range.To << 8) | 0xff)));
                }
            }
        }
        return entries;
    }

    private static string Describe(Endpoint endpoint, Direction direction, uint id)
    {
        var labels = string.Join(",", endpoint.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
        var text = $"{direction.ToString().ToLowerInvariant()} of identity {id} ({endpoint.Namespace}: {labels})";
        return text.Length > 100 ? text[..97] + "..." : text;
    }
}
