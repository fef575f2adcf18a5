using System.Globalization;
using System.Net;
using k8s.Models;

namespace Palisade.Testing.Oracle;

/// <summary>
/// A deliberately naive evaluator of CiliumNetworkPolicy L3/L4 semantics mixed with Kubernetes NetworkPolicies,
/// written from the Cilium documentation, independent of the engine. Each side (the source's egress, the
/// destination's ingress) is decided by: a matching deny rule denies; else an unenforced direction allows; else a
/// matching allow rule (Cilium or Kubernetes) allows; else the direction's default-deny decides.
/// </summary>
public static class CiliumOracle
{
    /// <summary>True if a connection from pod <paramref name="src"/> to pod <paramref name="dst"/> is allowed.</summary>
    public static bool Allows(CiliumOracleCluster cluster, OraclePod src, OraclePod dst, string protocol, int port)
    {
        return Allows(cluster, src, src.Ip, dst, dst.Ip, protocol, port);
    }

    /// <summary>
    /// True if a connection is allowed by the source's egress AND the destination's ingress. Either side may be an
    /// outside address (null pod), whose own side is not evaluated.
    /// </summary>
    public static bool Allows(
        CiliumOracleCluster cluster, OraclePod? src, string srcIp, OraclePod? dst, string dstIp, string protocol, int port)
    {
        return SideAllows(cluster, subject: src, ingress: false, peer: dst, peerIp: dstIp, destination: dst, protocol, port)
            && SideAllows(cluster, subject: dst, ingress: true, peer: src, peerIp: srcIp, destination: dst, protocol, port);
    }

    private static bool SideAllows(
        CiliumOracleCluster cluster,
        OraclePod? subject,
        bool ingress,
        OraclePod? peer,
        string peerIp,
        OraclePod? destination,
        string protocol,
        int port)
    {
        if (subject is null)
        {
            return true;
        }

        var rules = SelectingRules(cluster, subject).ToList();
        bool RuleMatches(string ns, CiliumOraclePeerRule rule) =>
            PeerMatches(cluster, ns, rule, peer, peerIp) && PortsMatch(rule.ToPorts, destination, protocol, port);

        // (1) Deny wins over everything.
        if (rules.Any(r => (ingress ? r.Rule.IngressDeny : r.Rule.EgressDeny) is { } denies
                && denies.Any(deny => RuleMatches(r.Namespace, deny))))
        {
            return false;
        }

        // (2) Not enforced: allowed.
        var enforcing = rules.Where(r => Enforces(r.Rule, ingress)).ToList();
        var kubernetes = KubernetesPolicies(cluster.Kubernetes, subject, ingress).ToList();
        if (enforcing.Count == 0 && kubernetes.Count == 0)
        {
            return true;
        }

        // (3) Any allow rule.
        var ciliumAllows = enforcing.Any(r => (ingress ? r.Rule.Ingress : r.Rule.Egress) is { } allows
            && allows.Any(allow => RuleMatches(r.Namespace, allow)));
        if (ciliumAllows || kubernetes.Any(policy => KubernetesAllows(cluster.Kubernetes, policy, ingress, peer, peerIp, destination, protocol, port)))
        {
            return true;
        }

        // (4) Default deny, unless every enforcing rule opted out (Kubernetes policies never do).
        var defaultDeny = kubernetes.Count > 0 || enforcing.Any(r => DefaultDeny(r.Rule, ingress));
        return !defaultDeny;
    }

    /// <summary>Every rule of every Cilium policy whose endpoint selector selects the pod.</summary>
    private static IEnumerable<(string Namespace, CiliumOracleRule Rule)> SelectingRules(CiliumOracleCluster cluster, OraclePod pod)
    {
        foreach (var policy in cluster.CiliumPolicies)
        {
            foreach (var rule in policy.Rules)
            {
                if (CiliumSelectorMatching.Matches(cluster, policy.Namespace, rule.EndpointSelector, pod, subject: true))
                {
                    yield return (policy.Namespace, rule);
                }
            }
        }
    }

    private static bool Enforces(CiliumOracleRule rule, bool ingress)
    {
        return ingress
            ? rule.Ingress is { Count: > 0 } || rule.IngressDeny is { Count: > 0 }
            : rule.Egress is { Count: > 0 } || rule.EgressDeny is { Count: > 0 };
    }

    private static bool DefaultDeny(CiliumOracleRule rule, bool ingress)
    {
        var setting = ingress ? rule.EnableDefaultDeny?.Ingress : rule.EnableDefaultDeny?.Egress;
        return setting ?? true;
    }

    private static IEnumerable<V1NetworkPolicy> KubernetesPolicies(OracleCluster cluster, OraclePod pod, bool ingress)
    {
        var type = ingress ? "Ingress" : "Egress";
        return cluster.Policies.Where(policy =>
            !pod.HostNetwork
            && (policy.Metadata?.NamespaceProperty ?? "default") == pod.Namespace
            && SelectorMatching.Matches(policy.Spec.PodSelector, pod.Labels)
            && NetworkPolicyOracle.HasPolicyType(policy, type));
    }

    private static bool KubernetesAllows(
        OracleCluster cluster, V1NetworkPolicy policy, bool ingress, OraclePod? peer, string peerIp, OraclePod? destination, string protocol, int port)
    {
        var ns = policy.Metadata?.NamespaceProperty ?? "default";
        return ingress
            ? (policy.Spec.Ingress ?? []).Any(rule =>
                PeerMatching.Matches(cluster, ns, rule.FromProperty, peer, peerIp) && PortMatching.Matches(rule.Ports, destination, protocol, port))
            : (policy.Spec.Egress ?? []).Any(rule =>
                PeerMatching.Matches(cluster, ns, rule.To, peer, peerIp) && PortMatching.Matches(rule.Ports, destination, protocol, port));
    }

    /// <summary>The L3 part of a rule: its one peer member, or (none set) every peer if it has toPorts, else none.</summary>
    private static bool PeerMatches(CiliumOracleCluster cluster, string policyNamespace, CiliumOraclePeerRule rule, OraclePod? peer, string peerIp)
    {
        if (rule.Endpoints is { } endpoints)
        {
            return peer is not null && endpoints.Any(selector =>
                CiliumSelectorMatching.Matches(cluster, policyNamespace, selector, peer, subject: false));
        }

        if (rule.Entities is { } entities)
        {
            return entities.Any(entity => EntityMatches(entity, peer));
        }

        if (rule.Cidrs is { } cidrs)
        {
            return peer is null && cidrs.Any(cidr => InCidr(peerIp, cidr));
        }

        if (rule.CidrSets is { } sets)
        {
            return peer is null && sets.Any(set => InCidr(peerIp, set.Cidr) && !set.Except.Any(except => InCidr(peerIp, except)));
        }

        return rule.ToPorts is not null;
    }

    private static bool EntityMatches(string entity, OraclePod? peer)
    {
        return entity switch
        {
            "all" => true,
            "cluster" => peer is not null,
            "world" => peer is null,
            "host" => peer is { HostNetwork: true },
            _ => false,
        };
    }

    private static bool InCidr(string ip, string cidr)
    {
        var address = IPAddress.Parse(ip);
        return IpBlockMatching.InCidr(address, cidr.Contains('/', StringComparison.Ordinal) ? cidr : cidr + "/32");
    }

    /// <summary>The L4 part: no toPorts = everything; otherwise some port of some entry matches.</summary>
    private static bool PortsMatch(IReadOnlyList<CiliumOraclePortRule>? toPorts, OraclePod? destination, string protocol, int port)
    {
        return toPorts is null || toPorts.Any(rule => rule.Ports.Any(entry => PortMatches(entry, destination, protocol, port)));
    }

    private static bool PortMatches(CiliumOraclePort entry, OraclePod? destination, string protocol, int port)
    {
        var anyProtocol = entry.Protocol is null or "ANY";
        if (!anyProtocol && entry.Protocol != protocol)
        {
            return false;
        }

        if (int.TryParse(entry.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var first))
        {
            return first == 0 || (first <= port && port <= (entry.EndPort ?? first));
        }

        return destination is not null && destination.Ports.Any(named =>
            named.Name == entry.Port && named.Port == port && named.Protocol == protocol);
    }
}
