using Palisade.Engine;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ir;
using Palisade.Engine.Ports;
using Palisade.Engine.Resolution;

namespace Palisade.Agent.Compilation;

/// <summary>
/// Compiles the engine's decisions for one node into a <see cref="NodeProgram"/>: for every identity with a local
/// endpoint and a direction some policy has rules for, how the engine decides each (peer identity, protocol, ports)
/// and which rule decides it — tiers, deny precedence, named ports, entities, CIDR exceptions and ICMP types already
/// folded in. Pure but for the numbers it gives.
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
                Policy(engine, endpoint, subject, id, Direction.Egress, identities, policies, numbers.Verdicts),
                Policy(engine, endpoint, subject, id, Direction.Ingress, identities, policies, numbers.Verdicts));
        }
        numbers.Retain(identities.Peers.Keys.ToHashSet());
        return new NodeProgram(node, identities.Exact, identities.Blocks, endpoints, policies, NodeProgram.VerdictsOf(policies, numbers.Verdicts));
    }

    /// <summary>The name of an identity's policy chain for a direction.</summary>
    public static string ChainName(Direction direction, uint identity) =>
        $"{(direction == Direction.Egress ? "egress" : "ingress")}-{identity}";

    private static string? Policy(PolicyEngine engine, Endpoint endpoint, EndpointClass subject, uint id, Direction direction, AddressIdentities identities, Dictionary<string, PolicySets> policies, VerdictNumbering verdicts)
    {
        if (!engine.HasRules(endpoint, direction)) return null;
        var name = ChainName(direction, id);
        if (!policies.ContainsKey(name)) policies[name] = Sets(engine, subject, endpoint, direction, id, identities, verdicts);
        return name;
    }

    /// <summary>How identity <paramref name="id"/> (class <paramref name="subject"/>, of which <paramref name="member"/> is a pod) is decided in <paramref name="direction"/>.</summary>
    internal static PolicySets Sets(PolicyEngine engine, EndpointClass subject, Endpoint member, Direction direction, uint id, AddressIdentities identities, VerdictNumbering verdicts)
    {
        var decided = new List<(uint Peer, PortRange Range, uint Verdict)>();
        var weight = new Dictionary<uint, long>();
        foreach (var (identity, peer) in identities.Peers)
        {
            foreach (var (ports, decision) in engine.SideDecisions(subject, direction, peer, Universe))
            {
                var verdict = verdicts.Of(direction, decision).Number;
                foreach (var range in ports.Ranges) decided.Add((identity, range, verdict));
                weight[verdict] = weight.GetValueOrDefault(verdict) + ports.Ranges.Sum(r => (long)r.To - r.From + 1);
            }
        }
        // The verdict covering most peers and ports is the chain's default; only the others need entries.
        var fallback = weight.OrderByDescending(w => w.Value).ThenBy(w => w.Key).Select(w => w.Key).FirstOrDefault(VerdictNumbering.Open(direction));
        var entries = new HashSet<PolicyEntry>();
        foreach (var (peer, range, verdict) in decided.Where(d => d.Verdict != fallback)) entries.Add(Entry(peer, range, verdict));
        return new PolicySets(Describe(member, direction, id), entries, fallback);
    }

    private static PolicyEntry Entry(uint peer, PortRange range, uint verdict) => range.Protocol == Protocol.Icmp
        // th sport of an ICMP header is type << 8 | code: a type is every code of it.
        ? new PolicyEntry(peer, PolicyEntry.Icmp, (ushort)(range.From << 8), (ushort)((range.To << 8) | 0xff), verdict)
        : new PolicyEntry(peer, (byte)range.Protocol, (ushort)range.From, (ushort)range.To, verdict);

    private static string Describe(Endpoint endpoint, Direction direction, uint id)
    {
        var labels = string.Join(",", endpoint.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
        var text = $"{direction.ToString().ToLowerInvariant()} of identity {id} ({endpoint.Namespace}: {labels})";
        return text.Length > 100 ? text[..97] + "..." : text;
    }
}
