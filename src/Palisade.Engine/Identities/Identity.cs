using Palisade.Engine.Labels;

namespace Palisade.Engine.Identities;

/// <summary>
/// A security identity: a number for one set of security-relevant labels (the pod's labels, its namespace and the
/// namespace's labels, its service account). Pods with the same set share it. Numbers below 256 are reserved.
/// </summary>
public sealed record Identity(int Id, string Namespace, LabelSet PodLabels, LabelSet NamespaceLabels, string ServiceAccount)
{
    /// <summary>The first number given to a cluster identity, as in Cilium.</summary>
    public const int FirstClusterId = 256;

    /// <summary>The identity's labels as Cilium shows them (k8s: source prefix, namespace and service account labels).</summary>
    public IEnumerable<string> CiliumLabels =>
        PodLabels.Select(kv => $"k8s:{kv.Key}={kv.Value}")
            .Append($"k8s:io.cilium.k8s.policy.serviceaccount={ServiceAccount}")
            .Concat(NamespaceLabels.Select(kv => $"k8s:io.cilium.k8s.namespace.labels.{kv.Key}={kv.Value}"))
            .Append($"k8s:io.kubernetes.pod.namespace={Namespace}")
            .Order(StringComparer.Ordinal);

    /// <summary>The canonical key identities are allocated by.</summary>
    public static string KeyOf(string ns, LabelSet podLabels, string serviceAccount) => $"{ns}|{serviceAccount}|{podLabels.Key}";
}
