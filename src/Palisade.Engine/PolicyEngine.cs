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
    private readonly PolicyMaps _maps;
    private readonly EndpointClasses _classes;
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
        _nodeByAddress = [];
        foreach (var node in cluster.Nodes) _nodeByAddress.TryAdd(node.Address, node);
        _maps = new PolicyMaps(policies, cluster.Nodes, Selectors, _cidrs, Identities.All.Count, options.AddressesOf);
        _classes = new EndpointClasses(cluster, Identities, _cidrs, options.Audit);
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
        _classes = previous._classes;
        _nodeByAddress = previous._nodeByAddress;
        _maps = new PolicyMaps(policies, Cluster.Nodes, Selectors, _cidrs, Identities.All.Count, Options.AddressesOf);
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

    /// <summary>What the engine was built with besides cluster and policies (the DNS cache, cluster-wide audit mode).</summary>
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
    public IReadOnlyList<EndpointClass> Classes => _classes.All;

    /// <summary>Builds an engine.</summary>
    public static PolicyEngine Build(ClusterState cluster, IEnumerable<IrPolicy> policies, EngineOptions? options = null) =>
        new(cluster, [.. policies], options ?? new EngineOptions());

    /// <summary>The node owning <paramref name="address"/>, or null.</summary>
    public NodeInfo? NodeAt(IpAddressValue address) => _nodeByAddress.GetValueOrDefault(address);

    /// <summary>The class of an endpoint of the cluster.</summary>
    public EndpointClass ClassOf(Endpoint endpoint) => _classes.Of(endpoint);

    /// <summary>
    /// The class an endpoint that is not in the cluster would join — same identity (namespace, labels, service
    /// account), named ports, CIDR peers and audit mode as existing members — or null when it would make a new class
    /// (or is an exempt host-network pod). A pod of a class the engine knows changes no verdict between existing
    /// classes, which is what lets a data plane add it without rebuilding the engine.
    /// </summary>
    public EndpointClass? TryClassOf(Endpoint candidate) => candidate.HostNetwork ? null : _classes.Find(candidate);

    /// <summary>
    /// True when any policy, enforced or in audit, has rules for members of <paramref name="c"/> in
    /// <paramref name="direction"/> (see <see cref="HasRules(Endpoint, Direction)"/>).
    /// </summary>
    public bool HasRules(EndpointClass c, Direction direction) => Map(c, direction) is not null;

    /// <summary>
    /// True when some enforced policy isolates <paramref name="endpoint"/> in <paramref name="direction"/> (audit
    /// policies isolate nothing, and nothing isolates an endpoint in audit mode).
    /// </summary>
    public bool IsIsolated(Endpoint endpoint, Direction direction) =>
        Enforced(ClassOf(endpoint), direction)?.Isolated == true;

    /// <summary>
    /// True when any policy has rules for <paramref name="endpoint"/> in <paramref name="direction"/>, isolating or not
    /// (a Cilium deny rule drops without isolating), enforced or in audit (audit verdicts are reported): a data plane
    /// must check this side's traffic.
    /// </summary>
    public bool HasRules(Endpoint endpoint, Direction direction) => Map(ClassOf(endpoint), direction) is not null;

    /// <summary>The enforced policies isolating <paramref name="endpoint"/> in <paramref name="direction"/>.</summary>
    public IEnumerable<PolicyRef> IsolatingPolicies(Endpoint endpoint, Direction direction) =>
        Enforced(ClassOf(endpoint), direction)?.IsolatingPolicies ?? [];

    /// <summary>
    /// The ports on which pods of <paramref name="source"/> may open connections to pods of <paramref name="destination"/>:
    /// what is enforced, so audit verdicts count as allowed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PortSet AllowedPorts(EndpointClass source, EndpointClass destination, PortSet? universe = null)
    {
        universe ??= PortSet.Universe;
        var egress = SideEvaluator.Allowed(Enforced(source, Direction.Egress), source, PeerRef.Of(destination), Direction.Egress, universe);
        if (egress.IsEmpty) return egress;
        return SideEvaluator.Allowed(Enforced(destination, Direction.Ingress), destination, PeerRef.Of(source), Direction.Ingress, egress);
    }

    /// <summary>
    /// The ports on which one side allows connections with <paramref name="peer"/>: for <see cref="Direction.Egress"/>
    /// the ports <paramref name="subject"/> may open to the peer, for ingress the ports the peer may open to it. What a
    /// data plane programs for one endpoint and one peer identity; the whole universe when nothing isolates the side.
    /// What is enforced: audit verdicts count as allowed.
    /// </summary>
    public PortSet SideAllowedPorts(EndpointClass subject, Direction direction, PeerRef peer) =>
        SideAllowedPorts(subject, direction, peer, PortSet.Universe);

    /// <summary>
    /// <see cref="SideAllowedPorts(EndpointClass, Direction, PeerRef)"/> over another universe, such as one with ICMP
    /// types (protocol ICMP, the type as the port), which rules without ports allow and ICMP rules name.
    /// </summary>
    public PortSet SideAllowedPorts(EndpointClass subject, Direction direction, PeerRef peer, PortSet universe) =>
        IsLocalHost(direction, peer) ? universe : SideEvaluator.Allowed(Enforced(subject, direction), subject, peer, direction, universe);

    /// <summary>
    /// <paramref name="universe"/> partitioned by how one side decides it with <paramref name="peer"/> and why — for
    /// every port, the decision <see cref="Evaluate"/> explains for that side. What a data plane programs so that the
    /// kernel names the deciding rule of each packet (including <see cref="SideReason.Audit"/>, let through and logged).
    /// </summary>
    public IReadOnlyList<(PortSet Ports, SideDecision Decision)> SideDecisions(EndpointClass subject, Direction direction, PeerRef peer, PortSet universe) =>
        IsLocalHost(direction, peer) && Map(subject, direction) is not null
            ? [(universe, new SideDecision(SideReason.LocalHost, [], []))]
            : SideEvaluator.Decide(Maps(subject, direction), subject, peer, direction, universe);

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
            ? Side(null, HostMaps(srcNode, Direction.Egress), $"node/{srcNode.Name}", egressPeer, Direction.Egress, flow)
            : src?.Identity is null ? NotEvaluated(flow.SourceName, Direction.Egress)
            : Side(src, Maps(src, Direction.Egress), flow.SourceName, egressPeer, Direction.Egress, flow);
        var ingress = dstNode is not null
            ? Side(null, HostMaps(dstNode, Direction.Ingress), $"node/{dstNode.Name}", ingressPeer, Direction.Ingress, flow)
            : dst?.Identity is null ? NotEvaluated(flow.DestinationName, Direction.Ingress)
            : Side(dst, Maps(dst, Direction.Ingress), flow.DestinationName, ingressPeer, Direction.Ingress, flow);
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

    /// <summary>
    /// One side of a managed endpoint: a pod (its class) or a node (subject null, host policies). The enforced decision,
    /// unless it allows what enforcing every policy would drop: then an audit verdict naming that drop.
    /// </summary>
    private static SideVerdict Side(EndpointClass? subject, SideMaps maps, string name, PeerRef peer, Direction direction, FlowQuery flow)
    {
        if (maps.WouldBe is null) return new SideVerdict(direction, name, true, SideReason.NotIsolated, [], []);
        if (subject is not null && IsLocalHost(direction, peer)) return new SideVerdict(direction, name, true, SideReason.LocalHost, [], []);
        var enforced = SideEvaluator.Explain(maps.Enforced, subject, peer, direction, name, flow);
        if (!maps.Audited || !enforced.Allowed) return enforced;
        var wouldBe = SideEvaluator.Explain(maps.WouldBe, subject, peer, direction, name, flow);
        return wouldBe.Allowed ? enforced : AuditOverlay.Verdict(wouldBe);
    }

    /// <summary>The map of every policy applying to <paramref name="c"/> in <paramref name="direction"/>, audit ones included.</summary>
    private DirectionalPolicy? Map(EndpointClass c, Direction direction) => c.Identity is null ? null : _maps.Of(c.Identity.Id, direction);

    /// <summary>The map of what is enforced on <paramref name="c"/>: nothing for a class in audit, no audit policy otherwise.</summary>
    private DirectionalPolicy? Enforced(EndpointClass c, Direction direction) => c.Audit ? null : Map(c, direction)?.Enforced;

    private SideMaps Maps(EndpointClass c, Direction direction) => SideMaps.Of(Map(c, direction), c.Audit);

    private SideMaps HostMaps(NodeInfo node, Direction direction) => SideMaps.Of(_maps.OfNode(node.Name, direction), Options.Audit);
}
