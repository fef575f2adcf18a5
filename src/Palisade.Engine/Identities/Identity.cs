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
        CiliumSourceLabels(Namespace, PodLabels, NamespaceLabels, ServiceAccount).Select(kv => $"k8s:{kv.Key}={kv.Value}").Order(StringComparer.Ordinal);

    private static IEnumerable<KeyValuePair<string, string>> CiliumSourceLabels(string ns, LabelSet pod, LabelSet namespaceLabels, string serviceAccount) =>
        pod.Append(KeyValuePair.Create("io.cilium.k8s.policy.serviceaccount", serviceAccount))
            .Append(KeyValuePair.Create("io.cilium.k8s.policy.cluster", ClusterName))
            .Concat(namespaceLabels.Select(kv => KeyValuePair.Create("io.cilium.k8s.namespace.labels." + kv.Key, kv.Value)))
            .Append(KeyValuePair.Create("io.kubernetes.pod.namespace", ns));

    /// <summary>
    /// The labels Cilium selectors match against, keyed with their source as Palisade compiles Cilium selector keys:
    /// every label appears as <c>k8s:KEY</c> and as <c>any:KEY</c> (a key written without a source means any source).
    /// Besides the pod's labels: the namespace, the namespace's labels, the service account and the cluster name.
    /// </summary>
    /// <remarks>Built on first use: only Cilium selectors need it, and a cluster without them should not pay for it.</remarks>
    public LabelSet CiliumSelectorLabels => _ciliumSelectorLabels ??= new(CiliumSourceLabels(Namespace, PodLabels, NamespaceLabels, ServiceAccount)
        .SelectMany(kv => new[] { KeyValuePair.Create("k8s:" + kv.Key, kv.Value), KeyValuePair.Create("any:" + kv.Key, kv.Value) }));

    private LabelSet? _ciliumSelectorLabels;

    /// <summary>Equality by the identity's number and labels (the cached selector labels are derived from them).</summary>
    public bool Equals(Identity? other) =>
        other is not null && Id == other.Id && Namespace == other.Namespace && PodLabels.Equals(other.PodLabels)
        && NamespaceLabels.Equals(other.NamespaceLabels) && ServiceAccount == other.ServiceAccount;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Namespace, PodLabels, NamespaceLabels, ServiceAccount);

    /// <summary>The cluster name Cilium puts on every identity (<c>io.cilium.k8s.policy.cluster</c>).</summary>
    public const string ClusterName = "default";

    /// <summary>The canonical key identities are allocated by.</summary>
    public static string KeyOf(string ns, LabelSet podLabels, string serviceAccount) => $"{ns}|{serviceAccount}|{podLabels.Key}";
}
