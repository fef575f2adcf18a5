using k8s.Models;

namespace Palisade.Testing.Oracle;

/// <summary>
/// A deliberately simple, slow evaluator of Kubernetes NetworkPolicy (networking.k8s.io/v1) semantics:
/// every question is answered by looping over every policy. It is the reference the engine is compared to.
/// </summary>
public static class NetworkPolicyOracle
{
    private const string Ingress = "Ingress";
    private const string Egress = "Egress";

    /// <summary>True if a connection from pod <paramref name="src"/> to pod <paramref name="dst"/> is allowed.</summary>
    public static bool Allows(OracleCluster cluster, OraclePod src, OraclePod dst, string protocol, int port)
    {
        return Allows(cluster, src, src.Ip, dst, dst.Ip, protocol, port);
    }

    /// <summary>
    /// True if a connection is allowed: src's egress allows it AND dst's ingress allows it. Either side may be
    /// an outside address (null pod), whose own direction is not evaluated.
    /// </summary>
    public static bool Allows(
        OracleCluster cluster, OraclePod? src, string srcIp, OraclePod? dst, string dstIp, string protocol, int port)
    {
        return EgressAllows(cluster, src, dst, dstIp, protocol, port)
            && IngressAllows(cluster, dst, src, srcIp, protocol, port);
    }

    /// <summary>True if some policy of the pod's namespace selects it and has <paramref name="policyType"/>.</summary>
    public static bool IsIsolated(OracleCluster cluster, OraclePod pod, string policyType)
    {
        return SelectingPolicies(cluster, pod, policyType).Any();
    }

    /// <summary>The policy types in force: spec.policyTypes, or if absent/empty Ingress plus Egress if egress has rules.</summary>
    public static bool HasPolicyType(V1NetworkPolicy policy, string policyType)
    {
        var types = policy.Spec.PolicyTypes;
        if (types is null || types.Count == 0)
        {
            return policyType == Ingress || (policyType == Egress && policy.Spec.Egress is { Count: > 0 });
        }

        return types.Contains(policyType);
    }

    private static bool EgressAllows(
        OracleCluster cluster, OraclePod? src, OraclePod? dst, string dstIp, string protocol, int port)
    {
        if (src is null || !IsIsolated(cluster, src, Egress))
        {
            return true;
        }

        return SelectingPolicies(cluster, src, Egress).Any(policy => (policy.Spec.Egress ?? []).Any(rule =>
            PeerMatching.Matches(cluster, NamespaceOf(policy), rule.To, dst, dstIp)
            && PortMatching.Matches(rule.Ports, dst, protocol, port)));
    }

    private static bool IngressAllows(
        OracleCluster cluster, OraclePod? dst, OraclePod? src, string srcIp, string protocol, int port)
    {
        if (dst is null || !IsIsolated(cluster, dst, Ingress))
        {
            return true;
        }

        return SelectingPolicies(cluster, dst, Ingress).Any(policy => (policy.Spec.Ingress ?? []).Any(rule =>
            PeerMatching.Matches(cluster, NamespaceOf(policy), rule.FromProperty, src, srcIp)
            && PortMatching.Matches(rule.Ports, dst, protocol, port)));
    }

    private static IEnumerable<V1NetworkPolicy> SelectingPolicies(OracleCluster cluster, OraclePod pod, string policyType)
    {
        return cluster.Policies.Where(policy =>
            !pod.HostNetwork
            && NamespaceOf(policy) == pod.Namespace
            && SelectorMatching.Matches(policy.Spec.PodSelector, pod.Labels)
            && HasPolicyType(policy, policyType));
    }

    private static string NamespaceOf(V1NetworkPolicy policy) => policy.Metadata?.NamespaceProperty ?? "default";
}
