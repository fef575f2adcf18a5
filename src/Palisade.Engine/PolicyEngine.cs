using System.Collections;
using System.Runtime.CompilerServices;
using Palisade.Engine.Cluster;
using Palisade.Engine.Identities;
using Palisade.Engine.Ir;
using Palisade.Engine.Ports;
using Palisade.Engine.Resolution;
using Palisade.Engine.Verdicts;
using Palisade.Policy.Net;

namespace Palisade.Engine;

/// <summary>
/// The policy engine for one cluster state and one set of lowered policies: identities, the selector cache, a
/// policy map per identity and direction, endpoint classes, and verdicts with explanations. Immutable once built;
/// pure (no I/O).
/// </summary>
public sealed class PolicyEngine
{
    private readonly Dictionary<int, DirectionalPolicy> _ingress = [];
    private readonly Dictionary<int, DirectionalPolicy> _egress = [];
    private readonly Dictionary<string, DirectionalPolicy> _hostIngress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectionalPolicy> _hostEgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EndpointClass> _classOf;
    private readonly Dictionary<string, EndpointClass> _classByKey;
    private readonly Dictionary<IpAddressValue, NodeInfo> _nodeByAddress;
    private readonly CidrIndex _cidrs;

    private PolicyEngine(ClusterState cluster, IReadOnlyList<IrPolicy> policies, EngineOptions options)
    {
        Cluster = cluster;
        Policies = policies;
        Options = options;
        Identities = IdentityTable.Allocate(cluster);
        Selectors = new SelectorCache(Identities);
        _cidrs = new CidrIndex(policies);
        _classOf = new(StringComparer.Ordinal);
        _classByKey = new(StringComparer.Ordinal);
        _nodeByAddress = [];
        foreach (var node in cluster.Nodes) _nodeByAddress.TryAdd(node.Address, node);
        BuildPolicyMaps();
        BuildHostPolicyMaps();
        Classes = BuildClasses();
    }

    /// <summary>The engine of <paramref name="previous"/>'s cluster under other policies naming the same CIDRs: only the policy maps are built again.</summary>
    private PolicyEngine(PolicyEngine previous, IReadOnlyList<IrPolicy> policies, CidrIndex cidrs)
    {
        Cluster = previous.Cluster;
        Policies = policies;
        Options = previous.Options;
        Identities = previous.Identities;
        Selectors = previous.Selectors;
        _cidrs = cidrs;
        _classOf = previous._classOf;
        _classByKey = previous._classByKey;
        _nodeByAddress = previous._nodeByAddress;
        BuildPolicyMaps();
        BuildHostPolicyMaps();
        Classes = previous.Classes;
    }

    /// <summary>
    /// This engine's cluster under <paramref name="policies"/>. When the policies name the same CIDR peers (in the same
    /// order), identities, the selector cache and the endpoint classes — which depend on the cluster and those CIDRs
    /// only — are shared with this engine and only the policy maps are built, so a policy change costs what its maps
    /// cost; otherwise the engine is built anew over the same cluster.
    /// </summary>
    public PolicyEngine WithPolicies(IEnumerable<IrPolicy> policies)
    {
        var list = policies.ToList();
        var cidrs = new CidrIndex(list);
        return cidrs.Peers.Select(p => p.Key).SequenceEqual(_cidrs.Peers.Select(p => p.Key), StringComparer.Ordinal)
            ? new PolicyEngine(this, list, cidrs)
            : Build(Cluster, list, Options);
    }

    /// <summary>The identities whose policy maps <paramref name="policy"/> contributes to (the ones its subject selects).</summary>
    public IEnumerable<Identity> SelectedBy(IrPolicy policy) =>
        policy.Nodes is not null ? [] : Selectors.Get(policy.Subject).Ids().Select(id => Identities.All[id - Identity.FirstClusterId]);

    /// <summary>What the engine was built with besides cluster and policies (the DNS cache).</summary>
    public EngineOptions Options { get; }

    /// <summary>The cluster state the engine evaluates.</summary>
    public ClusterState Cluster { get; }

    /// <summary>The lowered policies.</summary>
    public IReadOnlyList<IrPolicy> Policies { get; }

    /// <summary>The identities of the cluster's managed endpoints.</summary>
    public IdentityTable Identities { get; }

    /// <summary>The selector cache (selector → identities).</summary>
    public SelectorCache Selectors { get; }

    /// <summary>The endpoint classes, covering every endpoint once.</summary>
    public IReadOnlyList<EndpointClass> Classes { get; }

    /// <summary>Builds an engine.</summary>
    public static PolicyEngine Build(ClusterState cluster, IEnumerable<IrPolicy> policies, EngineOptions? options = null) =>
        new(cluster, [.. policies], options ?? new EngineOptions());

    /// <summary>The node owning <paramref name="address"/>, or null.</summary>
    public NodeInfo? NodeAt(IpAddressValue address) => _nodeByAddress.GetValueOrDefault(address);

    /// <summary>The class of an endpoint of the cluster.</summary>
    public EndpointClass ClassOf(Endpoint endpoint) => _classOf[endpoint.Key];

    /// <summary>
    /// The class an endpoint that is not in the cluster would join — same identity (namespace, labels, service
    /// account), named ports and CIDR peers as existing members — or null when it would make a new class (or is an
    /// exempt host-network pod). A pod of a class the engine knows changes no verdict between existing classes, which
    /// is what lets a data plane add it without rebuilding the engine.
    /// </summary>
    public EndpointClass? TryClassOf(Endpoint candidate)
    {
        if (candidate.HostNetwork || Identities.Of(candidate) is not { } identity) return null;
        return _classByKey.GetValueOrDefault(ClassKey(identity, candidate, CidrBits(candidate)));
    }

    /// <summary>True when any policy has rules for members of <paramref name="c"/> in <paramref name="direction"/>.</summary>
    public bool HasRules(EndpointClass c, Direction direction) => Map(c, direction) is not null;

    /// <summary>True when some policy isolates <paramref name="endpoint"/> in <paramref name="direction"/>.</summary>
    public bool IsIsolated(Endpoint endpoint, Direction direction) =>
        Map(ClassOf(endpoint), direction)?.Isolated == true;

    /// <summary>
    /// True when any policy has rules for <paramref name="endpoint"/> in <paramref name="direction"/>, isolating or not
    /// (a Cilium deny rule drops without isolating): a data plane must check this side's traffic.
    /// </summary>
    public bool HasRules(Endpoint endpoint, Direction direction) => Map(ClassOf(endpoint), direction) is not null;

    /// <summary>The policies isolating <paramref name="endpoint"/> in <paramref name="direction"/>.</summary>
    public IEnumerable<PolicyRef> IsolatingPolicies(Endpoint endpoint, Direction direction) =>
        Map(ClassOf(endpoint), direction)?.IsolatingPolicies ?? [];

    /// <summary>The ports on which pods of <paramref name="source"/> may open connections to pods of <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PortSet AllowedPorts(EndpointClass source, EndpointClass destination, PortSet? universe = null)
    {
        universe ??= PortSet.Universe;
        var egress = SideEvaluator.Allowed(Map(source, Direction.Egress), source, PeerRef.Of(destination), Direction.Egress, universe);
        if (egress.IsEmpty) return egress;
        return SideEvaluator.Allowed(Map(destination, Direction.Ingress), destination, PeerRef.Of(source), Direction.Ingress, egress);
    }

    /// <summary>
    /// The ports on which one side allows connections with <paramref name="peer"/>: for <see cref="Direction.Egress"/>
    /// the ports <paramref name="subject"/> may open to the peer, for ingress the ports the peer may open to it. What a
    /// data plane programs for one endpoint and one peer identity; the whole universe when nothing isolates the side.
    /// </summary>
    public PortSet SideAllowedPorts(EndpointClass subject, Direction direction, PeerRef peer) =>
        SideAllowedPorts(subject, direction, peer, PortSet.Universe);

    /// <summary>
    /// <see cref="SideAllowedPorts(EndpointClass, Direction, PeerRef)"/> over another universe, such as one with ICMP
    /// types (protocol ICMP, the type as the port), which rules without ports allow and ICMP rules name.
    /// </summary>
    public PortSet SideAllowedPorts(EndpointClass subject, Direction direction, PeerRef peer, PortSet universe) =>
        IsLocalHost(direction, peer) ? universe : SideEvaluator.Allowed(Map(subject, direction), subject, peer, direction, universe);

    /// <summary>
    /// <paramref name="universe"/> partitioned by how one side decides it with <paramref name="peer"/> and why — for
    /// every port, the decision <see cref="Evaluate"/> explains for that side. What a data plane programs so that the
    /// kernel names the deciding rule of each packet.
    /// </summary>
    public IReadOnlyList<(PortSet Ports, SideDecision Decision)> SideDecisions(EndpointClass subject, Direction direction, PeerRef peer, PortSet universe) =>
        IsLocalHost(direction, peer) && Map(subject, direction) is not null
            ? [(universe, new SideDecision(SideReason.LocalHost, [], []))]
            : SideEvaluator.Decide(Map(subject, direction), subject, peer, direction, universe);

    /// <summary>True for the node a pod runs on reaching the pod (see <see cref="SideReason.LocalHost"/>).</summary>
    private static bool IsLocalHost(Direction direction, in PeerRef peer) =>
        direction == Direction.Ingress && peer.Reserved == ReservedIdentity.Host && peer.Node is not null;

    /// <summary>Decides one flow and explains both sides.</summary>
    public Verdict Evaluate(FlowQuery flow)
    {
        var src = flow.Source is null ? null : ClassOf(flow.Source);
        var dst = flow.Destination is null ? null : ClassOf(flow.Destination);
        var srcNode = flow.Source is null ? NodeAt(flow.SourceAddress) : null;
        var dstNode = flow.Destination is null ? NodeAt(flow.DestinationAddress) : null;
        var srcHost = srcNode?.Name ?? flow.Source?.NodeName;
        var dstHost = dstNode?.Name ?? flow.Destination?.NodeName;
        var egressPeer = Peer(dst, dstNode, flow.DestinationAddress, srcHost);
        var ingressPeer = Peer(src, srcNode, flow.SourceAddress, dstHost);
        var egress = srcNode is not null
            ? Side(null, _hostEgress.GetValueOrDefault(srcNode.Name), $"node/{srcNode.Name}", egressPeer, Direction.Egress, flow)
            : src?.Identity is null ? NotEvaluated(flow.SourceName, Direction.Egress)
            : Side(src, Map(src, Direction.Egress), flow.SourceName, egressPeer, Direction.Egress, flow);
        var ingress = dstNode is not null
            ? Side(null, _hostIngress.GetValueOrDefault(dstNode.Name), $"node/{dstNode.Name}", ingressPeer, Direction.Ingress, flow)
            : dst?.Identity is null ? NotEvaluated(flow.DestinationName, Direction.Ingress)
            : Side(dst, Map(dst, Direction.Ingress), flow.DestinationName, ingressPeer, Direction.Ingress, flow);
        return new Verdict(flow, egress, ingress);
    }

    /// <summary>
    /// The other side as a rule sees it. A node's address is the local host when the subject runs on that node (or its
    /// node is not known), and a remote node otherwise.
    /// </summary>
    private static PeerRef Peer(EndpointClass? c, NodeInfo? node, IpAddressValue address, string? subjectNode) =>
        c is not null ? PeerRef.Of(c)
        : node is not null ? PeerRef.OfNode(node, local: subjectNode is null || subjectNode == node.Name)
        : PeerRef.External(address);

    /// <summary>A side that is not a managed endpoint (an outside address, an exempt host-network pod).</summary>
    private static SideVerdict NotEvaluated(string name, Direction direction) => new(direction, name, true, SideReason.NotEvaluated, [], []);

    /// <summary>One side of a managed endpoint: a pod (its class) or a node (subject null, host policies).</summary>
    private static SideVerdict Side(EndpointClass? subject, DirectionalPolicy? map, string name, PeerRef peer, Direction direction, FlowQuery flow)
    {
        if (map is null) return new SideVerdict(direction, name, true, SideReason.NotIsolated, [], []);
        if (subject is not null && IsLocalHost(direction, peer)) return new SideVerdict(direction, name, true, SideReason.LocalHost, [], []);
        var recorder = new SideRecorder();
        var allowed = !SideEvaluator.Allowed(map, subject, peer, direction, PortSet.Single(flow.Protocol, flow.Port), recorder).IsEmpty;
        var reason = recorder.Decision switch
        {
            RuleAction.Allow => SideReason.AllowedByRule,
            RuleAction.Deny => SideReason.DeniedByRule,
            _ => recorder.DefaultDenyTier is not null ? SideReason.DefaultDeny : SideReason.NotIsolated,
        };
        var isolatedBy = recorder.DefaultDenyTier?.IsolatedBy ?? [.. map.IsolatingPolicies];
        return new SideVerdict(direction, name, allowed, reason, recorder.Hits, isolatedBy)
        {
            L7 = allowed && reason == SideReason.AllowedByRule ? L7Verdict.Decide(recorder.Hits, flow) : null,
        };
    }

    private DirectionalPolicy? Map(EndpointClass c, Direction direction) =>
        c.Identity is null ? null : (direction == Direction.Ingress ? _ingress : _egress).GetValueOrDefault(c.Identity.Id);

    private void BuildPolicyMaps()
    {
        var perIdentity = new Dictionary<(int, Direction), (List<IrPolicy> Selecting, List<PolicyMapEntry> Entries)>();
        foreach (var policy in Policies.Where(p => p.Nodes is null))
        {
            var entries = policy.Rules.Select(r => Entry(policy, r)).ToList();
            foreach (var id in Selectors.Get(policy.Subject).Ids())
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

    /// <summary>Host policies (Cilium nodeSelector): one map per node and direction, built like an identity's.</summary>
    private void BuildHostPolicyMaps()
    {
        var hostPolicies = Policies.Where(p => p.Nodes is not null).ToList();
        if (hostPolicies.Count == 0) return;
        foreach (var node in Cluster.Nodes)
        {
            var selecting = hostPolicies.Where(p => p.Nodes!.Matches(node.Labels)).ToList();
            foreach (var direction in (Direction[])[Direction.Ingress, Direction.Egress])
            {
                var policies = selecting.Where(p => p.Isolates(direction) || p.Rules.Any(r => r.Direction == direction)).ToList();
                if (policies.Count == 0) continue;
                var entries = policies.SelectMany(p => p.Rules.Where(r => r.Direction == direction).Select(r => Entry(p, r))).ToList();
                (direction == Direction.Ingress ? _hostIngress : _hostEgress)[node.Name] = DirectionalPolicy.Build(policies, entries, direction);
            }
        }
    }

    private PolicyMapEntry Entry(IrPolicy policy, IrRule rule)
    {
        var peer = new RulePeerMatcher(rule.Peers, Selectors, _cidrs, Identities.All.Count, Options.AddressesOf);
        var numeric = rule.Ports is null
            ? PortSet.Universe
            : PortSet.Of(rule.Ports.Where(p => p.Name is null).SelectMany(p => p.Protocols.Select(proto => new PortRange(proto, p.From, p.To))));
        return new PolicyMapEntry(policy, rule, peer, numeric, [.. (rule.Ports ?? []).Where(p => p.Name is not null)]);
    }

    private List<EndpointClass> BuildClasses()
    {
        var classes = new List<EndpointClass>();
        foreach (var endpoint in Cluster.Endpoints)
        {
            var identity = Identities.Of(endpoint);
            var bits = CidrBits(endpoint);
            var key = ClassKey(identity, endpoint, bits);
            if (!_classByKey.TryGetValue(key, out var c))
            {
                c = new EndpointClass(classes.Count, key, identity, endpoint.Ports, bits);
                _classByKey[key] = c;
                classes.Add(c);
            }
            c.Members.Add(endpoint);
            _classOf[endpoint.Key] = c;
        }
        return classes;
    }

    private BitArray CidrBits(Endpoint endpoint)
    {
        var bits = new BitArray(_cidrs.Peers.Count);
        for (var i = 0; i < _cidrs.Peers.Count; i++)
        {
            var peer = _cidrs.Peers[i];
            bits[i] = peer.MatchesClusterEndpoints && peer.Contains(endpoint.PrimaryAddress);
        }
        return bits;
    }

    /// <summary>
    /// What makes a class, as text that does not depend on the rest of the cluster (<see cref="EndpointClass.Key"/>):
    /// the identity's labels stand for its number, the CIDR peers' keys for the membership bits.
    /// </summary>
    private string ClassKey(Identity? identity, Endpoint endpoint, BitArray bits)
    {
        var who = identity is null ? "host" : $"{identity.Namespace}|{identity.ServiceAccount}|{identity.PodLabels.Key}|{identity.NamespaceLabels.Key}";
        var ports = string.Join(",", endpoint.Ports.Select(p => p.ToString()).Order(StringComparer.Ordinal));
        var cidrs = string.Join(",", Enumerable.Range(0, bits.Length).Where(i => bits[i]).Select(i => _cidrs.Peers[i].Key).Order(StringComparer.Ordinal));
        return $"{who}|{ports}|{cidrs}";
    }
}
