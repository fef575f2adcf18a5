using Palisade.Engine.Cluster;
using Palisade.Engine.Identities;
using Palisade.Engine.Ir;
using Palisade.Engine.Ports;
using Palisade.Policy.Net;

namespace Palisade.Engine.Resolution;

/// <summary>
/// The policy maps of one engine: one per identity and direction for the policies selecting pods, one per node and
/// direction for host policies (Cilium nodeSelector). A map exists where some policy isolates or has rules.
/// </summary>
internal sealed class PolicyMaps
{
    private readonly Dictionary<int, DirectionalPolicy> _ingress = [];
    private readonly Dictionary<int, DirectionalPolicy> _egress = [];
    private readonly Dictionary<string, DirectionalPolicy> _hostIngress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectionalPolicy> _hostEgress = new(StringComparer.Ordinal);
    private readonly SelectorCache _selectors;
    private readonly CidrIndex _cidrs;
    private readonly int _identityCount;
    private readonly Func<FqdnPeer, IEnumerable<IpAddressValue>>? _addressesOf;

    /// <summary>Builds the maps of <paramref name="policies"/>; peers resolve through the selectors, CIDR index and DNS names given.</summary>
    public PolicyMaps(IReadOnlyList<IrPolicy> policies, IReadOnlyList<NodeInfo> nodes, SelectorCache selectors, CidrIndex cidrs, int identityCount,
        Func<FqdnPeer, IEnumerable<IpAddressValue>>? addressesOf)
    {
        _selectors = selectors;
        _cidrs = cidrs;
        _identityCount = identityCount;
        _addressesOf = addressesOf;
        BuildPodMaps(policies);
        BuildHostMaps(policies, nodes);
    }

    /// <summary>The map of identity <paramref name="id"/> in <paramref name="direction"/>, or null.</summary>
    public DirectionalPolicy? Of(int id, Direction direction) => (direction == Direction.Ingress ? _ingress : _egress).GetValueOrDefault(id);

    /// <summary>The host map of node <paramref name="node"/> in <paramref name="direction"/>, or null.</summary>
    public DirectionalPolicy? OfNode(string node, Direction direction) => (direction == Direction.Ingress ? _hostIngress : _hostEgress).GetValueOrDefault(node);

    private void BuildPodMaps(IReadOnlyList<IrPolicy> policies)
    {
        var perIdentity = new Dictionary<(int, Direction), (List<IrPolicy> Selecting, List<PolicyMapEntry> Entries)>();
        foreach (var policy in policies.Where(p => p.Nodes is null))
        {
            var entries = policy.Rules.Select(r => Entry(policy, r)).ToList();
            foreach (var id in _selectors.Get(policy.Subject).Ids())
            {
                foreach (var direction in (Direction[])[Direction.Ingress, Direction.Egress])
                {
                    var mine = entries.Where(e => e.Rule.Direction == direction).ToList();
                    if (!policy.Isolates(direction) && mine.Count == 0) continue;
                    if (!perIdentity.TryGetValue((id, direction), out var slot)) perIdentity[(id, direction)] = slot = ([], []);
                    slot.Selecting.Add(policy);
                    slot.Entries.AddRange(mine);
                }
            }
        }
        foreach (var ((id, direction), slot) in perIdentity)
        {
            (direction == Direction.Ingress ? _ingress : _egress)[id] = DirectionalPolicy.Build(slot.Selecting, slot.Entries, direction);
        }
    }

    /// <summary>Host policies: one map per node and direction, built like an identity's.</summary>
    private void BuildHostMaps(IReadOnlyList<IrPolicy> policies, IReadOnlyList<NodeInfo> nodes)
    {
        var hostPolicies = policies.Where(p => p.Nodes is not null).ToList();
        if (hostPolicies.Count == 0) return;
        foreach (var node in nodes)
        {
            var selecting = hostPolicies.Where(p => p.Nodes!.Matches(node.Labels)).ToList();
            foreach (var direction in (Direction[])[Direction.Ingress, Direction.Egress])
            {
                var applying = selecting.Where(p => p.Isolates(direction) || p.Rules.Any(r => r.Direction == direction)).ToList();
                if (applying.Count == 0) continue;
                var entries = applying.SelectMany(p => p.Rules.Where(r => r.Direction == direction).Select(r => Entry(p, r))).ToList();
                (direction == Direction.Ingress ? _hostIngress : _hostEgress)[node.Name] = DirectionalPolicy.Build(applying, entries, direction);
            }
        }
    }

    private PolicyMapEntry Entry(IrPolicy policy, IrRule rule)
    {
        var peer = new RulePeerMatcher(rule.Peers, _selectors, _cidrs, _identityCount, _addressesOf);
        var numeric = rule.Ports is null
            ? PortSet.Universe
            : PortSet.Of(rule.Ports.Where(p => p.Name is null).SelectMany(p => p.Protocols.Select(proto => new PortRange(proto, p.From, p.To))));
        return new PolicyMapEntry(policy, rule, peer, numeric, [.. (rule.Ports ?? []).Where(p => p.Name is not null)]);
    }
}
