using k8s.Models;
using Palisade.Engine.Identities;
using Palisade.Engine.Ir;
using Palisade.Engine.Labels;
using Palisade.Engine.Ports;
using Palisade.Policy.Binding;
using Palisade.Policy.Net;
using Palisade.Policy.Validation;

namespace Palisade.Engine.Lowering;

/// <summary>
/// Lowers a validated Kubernetes NetworkPolicy into the IR: the default tier at order 1000, allow rules only,
/// isolation in each direction of its (possibly inferred) policyTypes; audit when annotated so.
/// </summary>
public static class NetworkPolicyLowering
{
    /// <summary>The policy's kind in explanations.</summary>
    public const string Kind = "NetworkPolicy";

    /// <summary>Lowers <paramref name="policy"/>, which must have passed validation.</summary>
    public static IrPolicy Lower(V1NetworkPolicy policy)
    {
        var ns = policy.Metadata.NamespaceProperty ?? "default";
        var spec = policy.Spec;
        var (ingress, egress) = EffectivePolicyTypes(spec);
        var rules = new List<IrRule>();
        if (ingress) rules.AddRange((spec.Ingress ?? []).Select((r, i) => Rule(Direction.Ingress, i, r?.FromProperty, r?.Ports, ns)));
        if (egress) rules.AddRange((spec.Egress ?? []).Select((r, i) => Rule(Direction.Egress, i, r?.To, r?.Ports, ns)));
        return new IrPolicy(
            new PolicyRef(Kind, ns, policy.Metadata.Name),
            PolicyLayer.Tiered,
            IrPolicy.DefaultTier,
            0,
            IrPolicy.DefaultOrder,
            new EndpointSelector(LabelSelector.From(spec.PodSelector ?? new V1LabelSelector()), NamespaceMatch.Exactly(ns)),
            ingress,
            egress,
            rules,
            PolicyModeAnnotation.IsAudit(policy.Metadata.Annotations));
    }

    /// <summary>
    /// The directions a policy affects. Without policyTypes: Ingress always, Egress only when the egress list has at
    /// least one rule (the API server's defaulting, SetDefaults_NetworkPolicySpec).
    /// </summary>
    public static (bool Ingress, bool Egress) EffectivePolicyTypes(V1NetworkPolicySpec spec)
    {
        if (spec.PolicyTypes is { Count: > 0 } types) return (types.Contains("Ingress"), types.Contains("Egress"));
        return (true, spec.Egress is { Count: > 0 });
    }

    private static IrRule Rule(Direction direction, int index, IList<V1NetworkPolicyPeer>? peers, IList<V1NetworkPolicyPort>? ports, string ns) =>
        new(direction, RuleAction.Allow, index,
            peers is { Count: > 0 } ? [.. peers.Select(p => Peer(p, ns))] : null,
            ports is { Count: > 0 } ? [.. ports.Select(Port)] : null,
            $"{(direction == Direction.Ingress ? "ingress" : "egress")}[{index}]");

    private static IrPeer Peer(V1NetworkPolicyPeer peer, string ns)
    {
        if (peer.IpBlock is { } block)
        {
            return new CidrPeer(Cidr.Parse(block.Cidr), [.. (block.Except ?? []).Select(Cidr.Parse)], MatchesClusterEndpoints: true);
        }
        var pods = peer.PodSelector is null ? LabelSelector.Everything : LabelSelector.From(peer.PodSelector);
        var namespaces = peer.NamespaceSelector is null ? NamespaceMatch.Exactly(ns) : NamespaceMatch.Where(LabelSelector.From(peer.NamespaceSelector));
        return new EndpointsPeer(new EndpointSelector(pods, namespaces));
    }

    private static IrPort Port(V1NetworkPolicyPort port)
    {
        ProtocolNames.TryParse(port.Protocol ?? "TCP", out var protocol);
        return port.Port switch
        {
            null => new IrPort(protocol, PortRange.MinPort, PortRange.MaxPort),
            StringIntOrString named => new IrPort(protocol, 0, 0, named.Value),
            var numeric when int.TryParse(numeric.Value, out var n) => new IrPort(protocol, n, port.EndPort ?? n),
            var other => new IrPort(protocol, 0, 0, other.Value),
        };
    }
}
