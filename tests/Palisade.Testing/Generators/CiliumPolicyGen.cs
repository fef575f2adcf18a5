using CsCheck;
using k8s.Models;
using Palisade.Testing.Oracle;

namespace Palisade.Testing.Generators;

/// <summary>
/// Random CiliumNetworkPolicies (cilium.io/v2, namespaced, L3/L4 only) that Palisade's validator accepts, each as
/// the oracle's model and as YAML; and clusters mixing them with Kubernetes NetworkPolicies.
/// </summary>
public static class CiliumPolicyGen
{
    /// <summary>
    /// Clusters of 1–3 namespaces, 1–6 pods (occasionally hostNetwork; a third with serviceAccountName sa1), 0–3
    /// Kubernetes NetworkPolicies and 0–3 CiliumNetworkPolicies.
    /// </summary>
    public static Gen<MixedCluster> Mixed { get; } = Create(new ClusterGenOptions(MaxPolicies: 3), maxCiliumPolicies: 3);

    /// <summary>Mixed clusters with the given knobs for the Kubernetes part and at most <paramref name="maxCiliumPolicies"/> CNPs.</summary>
    public static Gen<MixedCluster> Create(ClusterGenOptions options, int maxCiliumPolicies)
    {
        return ClusterGen.Create(options).SelectMany(cluster =>
        {
            string[] names = [.. cluster.Namespaces.Select(ns => ns.Metadata.Name)];
            return Gen.Select(Policies(names, maxCiliumPolicies), Gen.Int[0, 2].Array[cluster.Pods.Count], (policies, accounts) =>
            {
                for (var i = 0; i < cluster.Pods.Count; i++)
                {
                    if (accounts[i] == 0) cluster.Pods[i].Spec.ServiceAccountName = "sa1";
                }

                return new MixedCluster(cluster, policies);
            });
        });
    }

    /// <summary>
    /// The clusters of <paramref name="clusters"/> with each pod turned into a hostNetwork pod with probability
    /// 1/<paramref name="every"/> (IP moved to 172.18.0.0/24 keeping its unique last octet, hostPort = containerPort),
    /// to exercise the host entity and host-network peers more often than <see cref="ClusterGenOptions.HostNetworkPods"/> does.
    /// </summary>
    public static Gen<MixedCluster> WithHostNetworkPods(Gen<MixedCluster> clusters, int every)
    {
        return Gen.Select(clusters, Gen.Int[0, every - 1].Array[14], (cluster, rolls) =>
        {
            for (var i = 0; i < cluster.Cluster.Pods.Count; i++)
            {
                if (rolls[i] == 0) MakeHostNetwork(cluster.Cluster.Pods[i]);
            }

            return cluster;
        });
    }

    private static void MakeHostNetwork(V1Pod pod)
    {
        var ip = pod.Status.PodIP;
        var hostIp = "172.18.0." + ip[(ip.LastIndexOf('.') + 1)..];
        pod.Spec.HostNetwork = true;
        pod.Status.PodIP = hostIp;
        pod.Status.PodIPs = [new V1PodIP { Ip = hostIp }];
        foreach (var port in pod.Spec.Containers.SelectMany(container => container.Ports ?? []))
        {
            port.HostPort = port.ContainerPort;
        }
    }

    /// <summary>0–max CiliumNetworkPolicies in the given namespaces, named cnp0, cnp1, … per namespace.</summary>
    public static Gen<CiliumGeneratedPolicy[]> Policies(IReadOnlyList<string> namespaces, int max)
    {
        return Policy(namespaces).Array[0, max].Select(policies =>
        {
            var counts = new Dictionary<string, int>();
            return policies.Select(policy =>
            {
                var index = counts.GetValueOrDefault(policy.Namespace);
                counts[policy.Namespace] = index + 1;
                return new CiliumGeneratedPolicy(policy with { Name = $"cnp{index}" });
            }).ToArray();
        });
    }

    /// <summary>One unnamed policy: a single spec (usually) or specs with 1–2 rules.</summary>
    public static Gen<CiliumOraclePolicy> Policy(IReadOnlyList<string> namespaces)
    {
        var rules = Gen.Frequency(
            (3, Rule.Select(rule => (AsSpecs: false, Rules: new[] { rule }))),
            (1, Rule.Array[1, 2].Select(list => (AsSpecs: true, Rules: list))));
        return Gen.Select(Gen.Int[0, namespaces.Count - 1], rules, (ns, r) =>
            new CiliumOraclePolicy("", namespaces[ns], r.Rules, r.AsSpecs));
    }

    /// <summary>
    /// One rule: subject selector, the four lists (at least one non-empty, as validation requires; ingress: [{}]
    /// otherwise) and enableDefaultDeny (absent, or each direction absent/true/false).
    /// </summary>
    public static Gen<CiliumOracleRule> Rule => Gen.Select(
        CiliumSelectorGen.Subject,
        CiliumRuleGen.AllowList,
        CiliumRuleGen.DenyList,
        CiliumRuleGen.AllowList,
        CiliumRuleGen.DenyList,
        DefaultDeny,
        (subject, ingress, ingressDeny, egress, egressDeny, defaultDeny) =>
        {
            var empty = new[] { ingress, ingressDeny, egress, egressDeny }.All(list => list is not { Count: > 0 });
            return new CiliumOracleRule(subject, empty ? [new CiliumOraclePeerRule()] : ingress, ingressDeny, egress, egressDeny, defaultDeny);
        });

    private static Gen<bool?> Setting { get; } = Gen.Frequency((2, (bool?)null), (1, (bool?)true), (2, (bool?)false));

    private static Gen<CiliumOracleDefaultDeny?> DefaultDeny { get; } = Gen.Frequency(
        (3, Gen.Const(() => (CiliumOracleDefaultDeny?)null)),
        (2, Gen.Select(Setting, Setting, (ingress, egress) => (CiliumOracleDefaultDeny?)new CiliumOracleDefaultDeny(ingress, egress))));
}
