using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Palisade.Engine;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ir;
using Palisade.Engine.Ports;
using Palisade.Lab.Topology;

namespace Palisade.Lab.Enforcement;

/// <summary>
/// The policy ruleset of one node, compiled from the engine: <c>table inet palisade</c> with the address-to-identity
/// map, one allow set per isolated local endpoint and direction keyed by peer identity · protocol · port range, and a
/// few static rules that dispatch on the pod's interface. Replies and established flows are accepted first and never
/// see policy. Egress is checked on the source's node (the packet comes in from the pod's veth), ingress on the
/// destination's node (it goes out to the pod's veth). Whatever the engine decided — tiers, deny precedence,
/// named ports, entities, CIDR exceptions — is folded into the allow sets, so the packet path is three lookups.
/// </summary>
public static class NodeRuleset
{
    /// <summary>The table's name (family inet).</summary>
    public const string Table = "palisade";

    /// <summary>The complete text that replaces the node's table atomically in one <c>nft -f</c>.</summary>
    public static string Render(PolicyEngine engine, string node)
    {
        var identities = AddressIdentities.For(engine, node);
        var local = engine.Cluster.Endpoints.Where(e => e.NodeName == node && !e.HostNetwork).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"table inet {Table}\ndelete table inet {Table}\ntable inet {Table} {{\n");
        text.Append("  map ip2id {\n    type ipv4_addr : mark\n    flags interval\n    elements = { ")
            .AppendJoin(",\n      ", identities.Blocks.Select(b => $"{b.NftKey} : {b.Identity}")).Append(" }\n  }\n");
        var dispatch = new Dictionary<Direction, List<string>> { [Direction.Egress] = [], [Direction.Ingress] = [] };
        var chains = new StringBuilder();
        foreach (var endpoint in local)
        {
            foreach (var direction in new[] { Direction.Egress, Direction.Ingress })
            {
                if (!engine.HasRules(endpoint, direction)) continue;
                var name = ChainName(direction, endpoint);
                dispatch[direction].Add($"\"{LabNaming.PodVeth(endpoint.Key)}\" : jump {name}");
                AppendEndpoint(text, chains, name, Allowed(engine, endpoint, direction, identities), direction);
            }
        }
        AppendDispatch(text, "egress-endpoints", dispatch[Direction.Egress]);
        AppendDispatch(text, "ingress-endpoints", dispatch[Direction.Ingress]);
        text.Append(BaseChains).Append(chains).Append("}\n");
        return text.ToString();
    }

    private static IEnumerable<string> Allowed(PolicyEngine engine, Endpoint endpoint, Direction direction, AddressIdentities identities)
    {
        var subject = engine.ClassOf(endpoint);
        var elements = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<uint>();
        foreach (var block in identities.Blocks.Where(b => seen.Add(b.Identity)))
        {
            foreach (var range in engine.SideAllowedPorts(subject, direction, block.Peer).Ranges.Where(r => r.Protocol is Protocol.Tcp or Protocol.Udp or Protocol.Sctp))
            {
                var ports = range.From == range.To ? range.From.ToString(CultureInfo.InvariantCulture) : $"{range.From}-{range.To}";
                elements.Add($"{block.Identity} . {ProtocolNames.Name(range.Protocol).ToLowerInvariant()} . {ports}");
            }
        }
        return elements;
    }

    /// <summary>
    /// Single ports go to a hashed set, real ranges to an interval set: a concatenated interval set (nft's pipapo)
    /// with 50,000 single-port elements cut new connections to 0.6× (measured, docs/benchmarks.md).
    /// </summary>
    private static void AppendEndpoint(StringBuilder sets, StringBuilder chains, string name, IEnumerable<string> elements, Direction direction)
    {
        var list = elements.ToList();
        var ranges = list.Where(e => e.Contains('-', StringComparison.Ordinal)).ToList();
        var exact = list.Where(e => !e.Contains('-', StringComparison.Ordinal)).ToList();
        AppendSet(sets, name, exact, interval: false);
        AppendSet(sets, name + "-ranges", ranges, interval: true);
        // Egress looks up the destination's identity (ct mark), ingress the source's (meta mark).
        var peer = direction == Direction.Egress ? "ct mark" : "meta mark";
        chains.Append(CultureInfo.InvariantCulture, $"  chain {name} {{\n    {peer} . meta l4proto . th dport @{name} return\n    {peer} . meta l4proto . th dport @{name}-ranges return\n    counter drop comment \"{name}: no policy allows it\"\n  }}\n");
    }

    private static void AppendSet(StringBuilder sets, string name, List<string> elements, bool interval)
    {
        sets.Append(CultureInfo.InvariantCulture, $"  set {name} {{\n    type mark . inet_proto . inet_service\n{(interval ? "    flags interval\n" : "")}");
        if (elements.Count > 0) sets.Append("    elements = { ").AppendJoin(",\n      ", elements).Append(" }\n");
        sets.Append("  }\n");
    }

    private static void AppendDispatch(StringBuilder text, string map, List<string> elements)
    {
        text.Append(CultureInfo.InvariantCulture, $"  map {map} {{\n    type ifname : verdict\n");
        if (elements.Count > 0) text.Append("    elements = { ").AppendJoin(",\n      ", elements).Append(" }\n");
        text.Append("  }\n");
    }

    /// <summary>
    /// The static rules. A packet marked 0x4000 is a pod reaching itself through its own Service (the Services table
    /// marks it for masquerade); it is not policy's business and keeps its mark. Every other packet gets its source's
    /// identity in meta mark and its destination's in ct mark, is dispatched on its interfaces, and leaves with meta
    /// mark cleared so that no identity is mistaken for the masquerade bit.
    /// </summary>
    private const string BaseChains = """
          chain forward {
            type filter hook forward priority filter; policy accept;
            ct state established,related accept
            meta mark & 0x00004000 == 0x00004000 accept
            meta mark set ip saddr map @ip2id
            ct mark set ip daddr map @ip2id
            iifname vmap @egress-endpoints
            oifname vmap @ingress-endpoints
            meta mark set 0x00000000
          }
          chain input {
            type filter hook input priority filter; policy accept;
            ct state established,related accept
            meta mark set ip saddr map @ip2id
            ct mark set ip daddr map @ip2id
            iifname vmap @egress-endpoints
            meta mark set 0x00000000
          }
          chain output {
            type filter hook output priority filter; policy accept;
            ct state established,related accept
            meta mark set ip saddr map @ip2id
            ct mark set ip daddr map @ip2id
            oifname vmap @ingress-endpoints
            meta mark set 0x00000000
          }

        """;

    /// <summary>An endpoint's chain (and set): role, a short hash, namespace/pod, within nft's name rules.</summary>
    public static string ChainName(Direction direction, Endpoint endpoint)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint.Key)))[..8];
        return $"{(direction == Direction.Egress ? "egress" : "ingress")}-{hash}-{endpoint.Namespace}/{endpoint.Name}";
    }
}
