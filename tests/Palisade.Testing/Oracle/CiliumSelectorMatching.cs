using k8s.Models;

namespace Palisade.Testing.Oracle;

/// <summary>
/// Cilium endpoint-selector matching against a pod: the pod's labels as Cilium sees them (its own labels plus the
/// namespace, namespace-label, service-account and cluster labels), and selector keys whose source prefix
/// (<c>k8s:</c>, <c>any:</c> or none) is dropped. <c>reserved:</c> keys name labels no pod has.
/// </summary>
public static class CiliumSelectorMatching
{
    /// <summary>The label carrying the pod's namespace.</summary>
    public const string NamespaceKey = "io.kubernetes.pod.namespace";

    /// <summary>The prefix of the labels copied from the pod's namespace.</summary>
    public const string NamespaceLabelPrefix = "io.cilium.k8s.namespace.labels.";

    /// <summary>The pod's labels as Cilium sees them.</summary>
    public static IReadOnlyDictionary<string, string> CiliumLabels(CiliumOracleCluster cluster, OraclePod pod)
    {
        var labels = new Dictionary<string, string>(pod.Labels);
        labels[NamespaceKey] = pod.Namespace;
        foreach (var (key, value) in PeerMatching.NamespaceLabels(cluster.Kubernetes, pod.Namespace))
        {
            labels[NamespaceLabelPrefix + key] = value;
        }

        labels["io.cilium.k8s.policy.serviceaccount"] = cluster.ServiceAccount(pod);
        labels["io.cilium.k8s.policy.cluster"] = "default";
        return labels;
    }

    /// <summary>
    /// The label key a selector key refers to: without its k8s:/any: prefix, or null for a reserved: key (a label
    /// no pod has).
    /// </summary>
    public static string? BareKey(string key)
    {
        if (key.StartsWith("reserved:", StringComparison.Ordinal)) return null;
        if (key.StartsWith("k8s:", StringComparison.Ordinal)) return key["k8s:".Length..];
        if (key.StartsWith("any:", StringComparison.Ordinal)) return key["any:".Length..];
        return key;
    }

    /// <summary>Every key the selector mentions, in matchLabels or matchExpressions, as written.</summary>
    public static IEnumerable<string> Keys(V1LabelSelector selector)
    {
        return (selector.MatchLabels?.Keys ?? Enumerable.Empty<string>())
            .Concat((selector.MatchExpressions ?? []).Select(requirement => requirement.Key));
    }

    /// <summary>
    /// True if the selector, written in a policy of <paramref name="policyNamespace"/>, matches the pod. A subject
    /// selector always selects in the policy's namespace only (its matchLabels entry for
    /// <c>k8s:io.kubernetes.pod.namespace</c>, if any, is replaced by the policy's namespace, as Cilium does; other
    /// namespace requirements stay and must hold too); a peer selector is limited to the policy's namespace unless it
    /// mentions the pod namespace key or a namespace-label key. Host-network pods are never matched.
    /// </summary>
    public static bool Matches(
        CiliumOracleCluster cluster, string policyNamespace, V1LabelSelector selector, OraclePod pod, bool subject)
    {
        if (pod.HostNetwork)
        {
            return false;
        }

        var crossNamespace = !subject && Keys(selector).Select(BareKey).Any(key =>
            key == NamespaceKey || (key is not null && key.StartsWith(NamespaceLabelPrefix, StringComparison.Ordinal)));
        if (!crossNamespace && pod.Namespace != policyNamespace)
        {
            return false;
        }

        // Cilium replaces a subject's matchLabels entry for k8s:io.kubernetes.pod.namespace with the policy's
        // namespace (ParseToCiliumRule's AddMatch); every other requirement, matchExpressions included, stays.
        var effective = subject && selector.MatchLabels is { } labels && labels.ContainsKey("k8s:" + NamespaceKey)
            ? new V1LabelSelector
            {
                MatchLabels = labels.Where(pair => pair.Key != "k8s:" + NamespaceKey).ToDictionary(pair => pair.Key, pair => pair.Value),
                MatchExpressions = selector.MatchExpressions,
            }
            : selector;
        return Matches(effective, CiliumLabels(cluster, pod));
    }

    /// <summary>Label-selector matching with source prefixes dropped from the selector's keys.</summary>
    public static bool Matches(V1LabelSelector selector, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            if (!TryGet(labels, key, out var actual) || actual != value) return false;
        }

        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            var present = TryGet(labels, requirement.Key, out var actual);
            var values = requirement.Values ?? [];
            var ok = requirement.OperatorProperty switch
            {
                "In" => present && values.Contains(actual),
                "NotIn" => !present || !values.Contains(actual),
                "Exists" => present,
                "DoesNotExist" => !present,
                _ => throw new ArgumentException($"Unknown operator '{requirement.OperatorProperty}'."),
            };
            if (!ok) return false;
        }

        return true;
    }

    private static bool TryGet(IReadOnlyDictionary<string, string> labels, string key, out string? value)
    {
        value = null;
        return BareKey(key) is { } bare && labels.TryGetValue(bare, out value);
    }
}
