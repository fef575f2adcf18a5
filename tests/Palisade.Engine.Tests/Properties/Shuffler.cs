using k8s;
using k8s.Models;
using Palisade.Testing.Generators;

namespace Palisade.Engine.Tests.Properties;

/// <summary>
/// Writes a generated cluster as YAML with everything whose order carries no meaning shuffled: the documents; inside
/// policies the policyTypes, rules, peers, ports, excepts, selector requirements and their values; label maps; each
/// container's ports. Objects are deep-copied first, so the cluster itself is left as it was.
/// </summary>
internal sealed class Shuffler(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>The cluster's documents in their generated order (pods without status when <paramref name="withoutPodStatus"/>).</summary>
    public static string InOrder(GeneratedCluster cluster, bool withoutPodStatus) =>
        Join(Objects(cluster, withoutPodStatus));

    /// <summary>The same objects, shuffled inside and out.</summary>
    public string Shuffled(GeneratedCluster cluster, bool withoutPodStatus)
    {
        var objects = Objects(cluster, withoutPodStatus);
        foreach (var o in objects)
        {
            switch (o)
            {
                case V1Namespace ns: ns.Metadata.Labels = Shuffle(ns.Metadata.Labels); break;
                case V1Pod pod: ShufflePod(pod); break;
                case V1NetworkPolicy policy: ShufflePolicy(policy.Spec); break;
            }
        }
        return Join(Shuffled(objects));
    }

    private static List<object> Objects(GeneratedCluster cluster, bool withoutPodStatus)
    {
        var pods = cluster.Pods.Select(Copy).ToList();
        if (withoutPodStatus) pods.ForEach(p => p.Status = null);
        return [.. cluster.Namespaces.Select(Copy), .. pods, .. cluster.Policies.Select(Copy)];
    }

    private static T Copy<T>(T o) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(o));

    private static string Join(IEnumerable<object> objects) =>
        string.Join("---\n", objects.Select(o => KubernetesYaml.Serialize(o).TrimEnd('\n') + "\n"));

    private void ShufflePod(V1Pod pod)
    {
        pod.Metadata.Labels = Shuffle(pod.Metadata.Labels);
        foreach (var c in pod.Spec.Containers) c.Ports = Shuffle(c.Ports);
    }

    private void ShufflePolicy(V1NetworkPolicySpec spec)
    {
        spec.PolicyTypes = Shuffle(spec.PolicyTypes);
        ShuffleSelector(spec.PodSelector);
        spec.Ingress = Shuffle(spec.Ingress);
        foreach (var rule in spec.Ingress ?? [])
        {
            rule.FromProperty = ShufflePeers(rule.FromProperty);
            rule.Ports = Shuffle(rule.Ports);
        }
        spec.Egress = Shuffle(spec.Egress);
        foreach (var rule in spec.Egress ?? [])
        {
            rule.To = ShufflePeers(rule.To);
            rule.Ports = Shuffle(rule.Ports);
        }
    }

    private IList<V1NetworkPolicyPeer>? ShufflePeers(IList<V1NetworkPolicyPeer>? peers)
    {
        foreach (var peer in peers ?? [])
        {
            ShuffleSelector(peer.PodSelector);
            ShuffleSelector(peer.NamespaceSelector);
            if (peer.IpBlock is { } block) block.Except = Shuffle(block.Except);
        }
        return Shuffle(peers);
    }

    private void ShuffleSelector(V1LabelSelector? selector)
    {
        if (selector is null) return;
        selector.MatchLabels = Shuffle(selector.MatchLabels);
        selector.MatchExpressions = Shuffle(selector.MatchExpressions);
        foreach (var e in selector.MatchExpressions ?? []) e.Values = Shuffle(e.Values);
    }

    private List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        _random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }

    private IList<T>? Shuffle<T>(IList<T>? items) => items is null ? null : Shuffled(items);

    private IDictionary<string, string>? Shuffle(IDictionary<string, string>? labels) =>
        labels is null ? null : Shuffled(labels).ToDictionary();
}
