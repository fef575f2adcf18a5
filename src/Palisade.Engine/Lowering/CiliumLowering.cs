using k8s.Models;
using Palisade.Engine.Identities;
using Palisade.Engine.Ir;
using Palisade.Engine.L7;
using Palisade.Engine.Labels;
using Palisade.Engine.Ports;
using Palisade.Policy.Cilium;
using Palisade.Policy.Loading;
using Palisade.Policy.Net;
using Palisade.Policy.Validation;
using Palisade.Policy.Yaml;

namespace Palisade.Engine.Lowering;

/// <summary>
/// Lowers validated CiliumNetworkPolicies and CiliumClusterwideNetworkPolicies into the IR. Each rule of
/// <c>spec</c>/<c>specs</c> becomes one policy in the default tier at Kubernetes' order, so that Cilium allows and
/// Kubernetes NetworkPolicy allows form one union and deny rules (evaluated first at equal order) win over both.
/// A direction is enforced when the rule has allow or deny rules for it; it is default-deny unless
/// <c>enableDefaultDeny</c> says false for it (any selecting policy asking for default deny wins, as the engine
/// isolates when any selecting policy isolates).
/// </summary>
public static class CiliumLowering
{
    /// <summary>The kind of a namespaced policy in explanations.</summary>
    public const string NamespacedKind = "CiliumNetworkPolicy";

    /// <summary>The kind of a clusterwide policy in explanations.</summary>
    public const string ClusterwideKind = "CiliumClusterwideNetworkPolicy";

    /// <summary>Lowers a CiliumNetworkPolicy (one IR policy per rule).</summary>
    public static IEnumerable<IrPolicy> Lower(CiliumNetworkPolicy policy, CiliumLoweringContext context, SourceRef? source = null)
    {
        var ns = policy.Metadata?.NamespaceProperty ?? "default";
        var scope = new Scope(context, source, PolicyModeAnnotation.IsAudit(policy.Metadata?.Annotations));
        return LowerRules(new PolicyRef(NamespacedKind, ns, policy.Metadata?.Name ?? ""), ns, policy.Spec, policy.Specs, scope);
    }

    /// <summary>Lowers a CiliumClusterwideNetworkPolicy (one IR policy per rule).</summary>
    public static IEnumerable<IrPolicy> Lower(CiliumClusterwideNetworkPolicy policy, CiliumLoweringContext context, SourceRef? source = null) =>
        LowerRules(new PolicyRef(ClusterwideKind, null, policy.Metadata?.Name ?? ""), null, policy.Spec, policy.Specs,
            new Scope(context, source, PolicyModeAnnotation.IsAudit(policy.Metadata?.Annotations)));

    private static IEnumerable<IrPolicy> LowerRules(PolicyRef reference, string? ns, CiliumRule? spec, IReadOnlyList<CiliumRule?>? specs, Scope scope)
    {
        if (spec is not null) yield return LowerRule(reference, ns, spec, FieldPath.Root.Field("spec"), "", scope);
        for (var i = 0; i < (specs?.Count ?? 0); i++)
        {
            if (specs![i] is { } rule) yield return LowerRule(reference, ns, rule, FieldPath.Root.Field("specs").Index(i), $"specs[{i}].", scope);
        }
    }

    /// <summary>What every rule of one policy shares: the lowering context, the policy's source, its audit mode.</summary>
    private sealed record Scope(CiliumLoweringContext Context, SourceRef? Source, bool Audit);

    private static IrPolicy LowerRule(PolicyRef reference, string? ns, CiliumRule rule, FieldPath path, string prefix, Scope scope)
    {
        var rules = new List<IrRule>();
        var at = new RuleSite(ns, scope, prefix, path, rule.Log?.Value, rules);
        Lower(rule.Ingress, "ingress", Direction.Ingress, RuleAction.Allow, PeerFields.Of, r => Ports(r.ToPorts), r => r.Icmps, at);
        Lower(rule.IngressDeny, "ingressDeny", Direction.Ingress, RuleAction.Deny, PeerFields.Of, r => DenyPorts(r.ToPorts), r => r.Icmps, at);
        Lower(rule.Egress, "egress", Direction.Egress, RuleAction.Allow, PeerFields.Of, r => Ports(r.ToPorts), r => r.Icmps, at);
        Lower(rule.EgressDeny, "egressDeny", Direction.Egress, RuleAction.Deny, PeerFields.Of, r => DenyPorts(r.ToPorts), r => r.Icmps, at);

        var hasIngress = rule.Ingress?.Count > 0 || rule.IngressDeny?.Count > 0;
        var hasEgress = rule.Egress?.Count > 0 || rule.EgressDeny?.Count > 0;
        var host = rule.NodeSelector is not null && rule.EndpointSelector is null;
        var subject = host ? EndpointSelector.None : CiliumSelectors.Subject(rule.EndpointSelector, ns);
        return new IrPolicy(
            reference,
            PolicyLayer.Tiered,
            IrPolicy.DefaultTier,
            0,
            IrPolicy.DefaultOrder,
            subject,
            hasIngress && (rule.EnableDefaultDeny?.Ingress ?? true),
            hasEgress && (rule.EnableDefaultDeny?.Egress ?? true),
            rules,
            scope.Audit)
        {
            Nodes = host ? CiliumSelectors.Nodes(rule.NodeSelector) : null,
        };
    }

    /// <summary>One port rule's worth of a Cilium rule: its ports and the L7 rules that apply to them.</summary>
    private sealed record PortGroup(IReadOnlyList<IrPort> Ports, IrL7Rules? L7);

    /// <summary>Where the rules of one Cilium rule are lowered: its namespace, source and path, label prefix, log value, output.</summary>
    private sealed record RuleSite(string? Namespace, Scope Scope, string Prefix, FieldPath Path, string? Log, List<IrRule> Rules);

    /// <summary>
    /// Lowers one list (ingress, ingressDeny, egress, egressDeny): an IR rule per port rule (each may carry its own L7
    /// rules), or one for its ICMP types, or one for every port.
    /// </summary>
    private static void Lower<T>(
        IReadOnlyList<T?>? list, string name, Direction direction, RuleAction action,
        Func<T, PeerFields> fields, Func<T, IReadOnlyList<PortGroup>?> ports, Func<T, IReadOnlyList<IcmpRule?>?> icmps, RuleSite at)
        where T : class
    {
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            if (list![i] is not { } r) continue;
            var label = $"{at.Prefix}{name}[{i}]";
            var groups = ports(r);
            var icmpRules = icmps(r);
            var icmp = Icmps(icmpRules);
            var peers = Peers(fields(r), at.Namespace, groups is { Count: > 0 } || icmpRules is { Count: > 0 }, at.Scope, at.Path.Field(name).Index(i));
            if (groups is { Count: > 0 })
            {
                for (var j = 0; j < groups.Count; j++)
                {
                    var l = groups.Count == 1 ? label : $"{label}.toPorts[{j}]";
                    at.Rules.Add(new IrRule(direction, action, i, peers, groups[j].Ports, l, groups[j].L7, at.Log));
                }
            }
            else
            {
                at.Rules.Add(new IrRule(direction, action, i, peers, icmp is { Count: > 0 } ? icmp : null, label, null, at.Log));
            }
        }
    }

    /// <summary>
    /// A rule's peers. No L3 member at all: every peer when the rule has ports or ICMP types, no peer otherwise
    /// (<c>ingress: [{}]</c> allows nothing). An L3 member given as an empty list selects nothing.
    /// </summary>
    private static List<IrPeer>? Peers(PeerFields fields, string? ns, bool hasL4, Scope scope, FieldPath at)
    {
        var anyL3 = fields.Endpoints is not null || fields.Cidr is not null || fields.CidrSet is not null || fields.Entities is not null
            || fields.Groups is not null || fields.Nodes is not null || fields.Services is not null || fields.Fqdns is not null;
        if (!anyL3) return hasL4 ? null : [];
        var peers = new List<IrPeer>();
        foreach (var selector in fields.Endpoints ?? []) peers.AddRange(CiliumSelectors.Peer(selector, ns));
        foreach (var text in fields.Cidr ?? [])
        {
            if (text is not null && ParsePrefix(text) is { } cidr) peers.Add(new CidrPeer(cidr, [], MatchesClusterEndpoints: false));
        }
        foreach (var set in fields.CidrSet ?? [])
        {
            if (set?.Cidr is not null && ParsePrefix(set.Cidr) is { } cidr)
            {
                peers.Add(new CidrPeer(cidr, [.. (set.Except ?? []).OfType<string>().Select(ParsePrefix).OfType<Cidr>()], MatchesClusterEndpoints: false));
            }
        }
        foreach (var entity in fields.Entities ?? [])
        {
            if (entity == "all") return null;
            peers.AddRange(Entity(entity));
        }
        foreach (var selector in fields.Nodes ?? []) peers.Add(new NodesPeer(CiliumSelectors.Nodes(selector)));
        foreach (var fqdn in fields.Fqdns ?? [])
        {
            if (fqdn is not null) peers.Add(new FqdnPeer(DnsNamePattern.FromSelector(fqdn)));
        }
        if (fields.Fqdns is { Count: > 0 } && !scope.Context.HasDnsNames)
        {
            scope.Context.Warn(scope.Source, at.Field("toFQDNs"), "no DNS names have been learned, so this peer matches no address yet",
                "pass --dns-cache FILE with the names and addresses the DNS proxy learned (see docs/inventory.md)", Policy.Diagnostics.Severity.Notice);
        }
        for (var i = 0; i < (fields.Services?.Count ?? 0); i++)
        {
            if (fields.Services![i] is { } service) peers.AddRange(Service(service, ns, scope, at.Field("toServices").Index(i)));
        }
        for (var i = 0; i < (fields.Groups?.Count ?? 0); i++)
        {
            if (fields.Groups![i]?.Aws is { } aws) peers.AddRange(Groups(aws, scope, at.Field(fields.Prefix + "Groups").Index(i).Field("aws")));
        }
        return peers;
    }

    /// <summary>
    /// toServices: the pods behind the Service(s), found by the Service's selector in its namespace. The service
    /// namespace defaults to the policy's; in a clusterwide policy an omitted namespace means every namespace.
    /// </summary>
    private static IEnumerable<IrPeer> Service(CiliumService service, string? ns, Scope scope, FieldPath field)
    {
        List<V1Service> matched;
        string described;
        if (service.K8sService is { } byName)
        {
            var serviceNs = byName.Namespace ?? ns;
            matched = [.. scope.Context.Services.Where(s => s.Metadata.Name == byName.ServiceName && (serviceNs is null || s.Metadata.NamespaceProperty == serviceNs))];
            described = $"Service {serviceNs ?? "*"}/{byName.ServiceName}";
        }
        else if (service.K8sServiceSelector is { } bySelector)
        {
            var serviceNs = bySelector.Namespace ?? ns;
            var selector = LabelSelector.From(bySelector.Selector ?? new V1LabelSelector());
            matched = [.. scope.Context.Services.Where(s => (serviceNs is null || s.Metadata.NamespaceProperty == serviceNs)
                && selector.Matches(new LabelSet(s.Metadata.Labels)))];
            described = $"no Service matching {selector} in {(serviceNs is null ? "any namespace" : "namespace " + serviceNs)}";
        }
        else
        {
            yield break;
        }
        if (matched.Count == 0)
        {
            scope.Context.Warn(scope.Source, field, $"{(described.StartsWith("no ", StringComparison.Ordinal) ? described : described + " is not in the input")}: this peer matches nothing",
                "load the Service's manifest with the policy (-f) so Palisade knows its pods");
        }
        foreach (var s in matched)
        {
            if (s.Spec?.Selector is not { Count: > 0 } podSelector)
            {
                scope.Context.Warn(scope.Source, field, $"Service {s.Metadata.NamespaceProperty}/{s.Metadata.Name} has no selector: its endpoints are not known offline, so this peer matches none of its addresses",
                    "give the backends' addresses with toCIDR, or select the backend pods with toEndpoints");
                continue;
            }
            var pods = LabelSelector.Of(podSelector.Select(kv => new Requirement(kv.Key, SelectorOperator.In, [kv.Value])));
            yield return new EndpointsPeer(new EndpointSelector(pods, NamespaceMatch.Exactly(s.Metadata.NamespaceProperty ?? "default")));
        }
    }

    /// <summary>fromGroups/toGroups: the member addresses of AWS security groups, from the inventory; CIDR semantics.</summary>
    private static IEnumerable<IrPeer> Groups(AwsGroup aws, Scope scope, FieldPath field)
    {
        var ids = (aws.SecurityGroupsIds ?? []).OfType<string>().ToList();
        var names = (aws.SecurityGroupsNames ?? []).OfType<string>().ToList();
        if (ids.Count + names.Count == 0) yield break;
        if (scope.Context.SecurityGroups is not { } inventory)
        {
            scope.Context.Warn(scope.Source, field, $"security groups {string.Join(", ", ids.Concat(names))} cannot be resolved without an inventory: this peer matches nothing",
                "pass --sg-inventory FILE with the output of `aws ec2 describe-network-interfaces` (see docs/inventory.md)");
            yield break;
        }
        var (members, unknown) = inventory.Resolve(ids, names);
        if (unknown.Count > 0)
        {
            scope.Context.Warn(scope.Source, field, $"security group(s) {string.Join(", ", unknown)} not in the inventory: they match nothing",
                "add them to the --sg-inventory file");
        }
        foreach (var cidr in members) yield return new CidrPeer(cidr, [], MatchesClusterEndpoints: false);
    }

    private static Cidr? ParsePrefix(string text)
    {
        if (Cidr.TryParse(text, out var cidr, out _)) return cidr;
        return IpAddressValue.TryParse(text, out var address) ? new Cidr(address, address.Width) : null;
    }

    private static IEnumerable<IrPeer> Entity(string? entity) => entity switch
    {
        "world" => [new EntityPeer(ReservedIdentity.World)],
        "world-ipv4" => [new EntityPeer(ReservedIdentity.WorldIpv4)],
        "world-ipv6" => [new EntityPeer(ReservedIdentity.WorldIpv6)],
        "host" => [new EntityPeer(ReservedIdentity.Host)],
        "remote-node" => [new EntityPeer(ReservedIdentity.RemoteNode)],
        "unmanaged" => [new EntityPeer(ReservedIdentity.Unmanaged)],
        "health" => [new EntityPeer(ReservedIdentity.Health)],
        "init" => [new EntityPeer(ReservedIdentity.Init)],
        "kube-apiserver" => [new EntityPeer(ReservedIdentity.KubeApiServer)],
        "ingress" => [new EntityPeer(ReservedIdentity.Ingress)],
        // Every endpoint of the cluster (all pods) and the cluster's reserved identities; not the world.
        "cluster" =>
        [
            new EndpointsPeer(new EndpointSelector(LabelSelector.Everything, NamespaceMatch.Any, CiliumKeys: true)),
            .. ((ReservedIdentity[])[ReservedIdentity.Host, ReservedIdentity.RemoteNode, ReservedIdentity.Init, ReservedIdentity.Health,
                ReservedIdentity.Unmanaged, ReservedIdentity.KubeApiServer, ReservedIdentity.Ingress]).Select(r => new EntityPeer(r)),
        ],
        _ => [], // "none", and anything validation rejected
    };

    private static List<PortGroup>? Ports(IReadOnlyList<PortRule?>? toPorts) =>
        toPorts is null ? null : [.. toPorts.OfType<PortRule>().Select(p => new PortGroup(PortList(p.Ports), L7Lowering.Lower(p.Rules)))];

    private static List<PortGroup>? DenyPorts(IReadOnlyList<PortDenyRule?>? toPorts) =>
        toPorts is null ? null : [.. toPorts.OfType<PortDenyRule>().Select(p => new PortGroup(PortList(p.Ports), null))];

    /// <summary>A port rule without ports covers every port (Cilium's port 0, protocol ANY).</summary>
    private static List<IrPort> PortList(IReadOnlyList<PortProtocol?>? ports)
    {
        var list = (ports ?? []).OfType<PortProtocol>().Select(Port).ToList();
        return list.Count > 0 ? list : [new IrPort(null, PortRange.MinPort, PortRange.MaxPort)];
    }

    private static IrPort Port(PortProtocol port)
    {
        Protocol? protocol = port.EffectiveProtocol.ToUpperInvariant() switch
        {
            "TCP" => Protocol.Tcp,
            "UDP" => Protocol.Udp,
            "SCTP" => Protocol.Sctp,
            _ => null,
        };
        if (port.PortName is { } name) return new IrPort(protocol, 0, 0, name);
        var number = port.PortNumber ?? 0;
        if (number == 0) return new IrPort(protocol, PortRange.MinPort, PortRange.MaxPort);
        return new IrPort(protocol, number, port.RangeEnd ?? number);
    }

    private static List<IrPort>? Icmps(IReadOnlyList<IcmpRule?>? icmps)
    {
        if (icmps is null) return null;
        return [.. icmps.OfType<IcmpRule>().SelectMany(r => r.Fields ?? []).OfType<IcmpField>()
            .Where(f => f.TypeNumber is not null)
            .Select(f => new IrPort(f.EffectiveFamily == IcmpTypes.IPv6 ? Protocol.IcmpV6 : Protocol.Icmp, f.TypeNumber!.Value, f.TypeNumber.Value))];
    }
}
