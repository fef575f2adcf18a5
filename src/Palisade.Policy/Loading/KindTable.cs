using k8s.Models;
using Palisade.Policy.Cilium;
using Palisade.Policy.Diagnostics;

namespace Palisade.Policy.Loading;

/// <summary>
/// The kinds Palisade reads. Policies are strict (an unknown field is an error, as with the API server's strict
/// field validation); workloads and other objects only warn, since their unknown fields cannot change a verdict.
/// </summary>
internal static class KindTable
{
    private const string Removed = "{0} {1} was removed from Kubernetes in 1.16; loaded as {2}, update the manifest";

    private static readonly KindEntry[] Entries =
    [
        Entry<V1Namespace>("v1", "Namespace", Severity.Warning, (o, s, b) => b.AddNamespace(o, s)),
        Entry<V1Pod>("v1", "Pod", Severity.Warning, (o, s, b) => b.AddPod(o, s)),
        Entry<V1Service>("v1", "Service", Severity.Warning, (o, s, b) => b.AddService(o, s)),
        Entry<V1Node>("v1", "Node", Severity.Warning, (o, s, b) => b.AddNode(o, s)),
        Entry<V1ReplicationController>("v1", "ReplicationController", Severity.Warning, (o, s, b) => b.AddWorkload(o.Metadata, "ReplicationController", o.Spec?.Template, o.Spec?.Replicas, s)),
        .. Apps("apps/v1", null),
        .. Apps("apps/v1beta1", "apps/v1"),
        .. Apps("apps/v1beta2", "apps/v1"),
        .. Apps("extensions/v1beta1", "apps/v1"),
        Entry<V1Job>("batch/v1", "Job", Severity.Warning, (o, s, b) => b.AddWorkload(o.Metadata, "Job", o.Spec?.Template, o.Spec?.Parallelism, s)),
        Entry<V1CronJob>("batch/v1", "CronJob", Severity.Warning, (o, s, b) => b.AddWorkload(o.Metadata, "CronJob", o.Spec?.JobTemplate?.Spec?.Template, o.Spec?.JobTemplate?.Spec?.Parallelism, s)),
        Entry<V1CronJob>("batch/v1beta1", "CronJob", Severity.Warning, (o, s, b) => b.AddWorkload(o.Metadata, "CronJob", o.Spec?.JobTemplate?.Spec?.Template, o.Spec?.JobTemplate?.Spec?.Parallelism, s),
            "batch/v1beta1 CronJob was removed from Kubernetes in 1.25; loaded as batch/v1, update the manifest"),
        Entry<V1NetworkPolicy>("networking.k8s.io/v1", "NetworkPolicy", Severity.Error, (o, s, b) => b.AddNetworkPolicy(o, s)),
        Entry<V1NetworkPolicy>("extensions/v1beta1", "NetworkPolicy", Severity.Error, (o, s, b) => b.AddNetworkPolicy(o, s),
            "extensions/v1beta1 NetworkPolicy was removed from Kubernetes in 1.16; loaded as networking.k8s.io/v1, update the manifest"),
        Entry<CiliumNetworkPolicy>("cilium.io/v2", "CiliumNetworkPolicy", Severity.Error, (o, s, b) => b.AddCiliumPolicy(o, s)) with
        {
            UnknownFieldHint = CiliumPolicyValidator.UnknownFieldHint,
        },
        Entry<CiliumClusterwideNetworkPolicy>("cilium.io/v2", "CiliumClusterwideNetworkPolicy", Severity.Error, (o, s, b) => b.AddCiliumPolicy(o, s)) with
        {
            UnknownFieldHint = CiliumPolicyValidator.UnknownFieldHint,
        },
    ];

    private static readonly Dictionary<(string, string), KindEntry> ByKey = Entries.ToDictionary(e => (e.ApiVersion, e.Kind));

    /// <summary>The entry for an apiVersion and kind, or null when Palisade does not use that kind.</summary>
    public static KindEntry? Find(string apiVersion, string kind) => ByKey.GetValueOrDefault((apiVersion, kind));

    /// <summary>True when some apiVersion of this kind is known (used to explain a wrong apiVersion).</summary>
    public static IEnumerable<string> ApiVersionsOf(string kind) => Entries.Where(e => e.Kind == kind).Select(e => e.ApiVersion);

    private static IEnumerable<KindEntry> Apps(string apiVersion, string? current)
    {
        string? Warn(string kind) => current is null ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, Removed, apiVersion, kind, current);
        yield return Entry<V1Deployment>(apiVersion, "Deployment", Severity.Warning, (o, s, b) => b.AddWorkload(o.Metadata, "Deployment", o.Spec?.Template, o.Spec?.Replicas, s), Warn("Deployment"));
        yield return Entry<V1ReplicaSet>(apiVersion, "ReplicaSet", Severity.Warning, (o, s, b) => b.AddWorkload(o.Metadata, "ReplicaSet", o.Spec?.Template, o.Spec?.Replicas, s), Warn("ReplicaSet"));
        yield return Entry<V1StatefulSet>(apiVersion, "StatefulSet", Severity.Warning, (o, s, b) => b.AddWorkload(o.Metadata, "StatefulSet", o.Spec?.Template, o.Spec?.Replicas, s), Warn("StatefulSet"));
        yield return Entry<V1DaemonSet>(apiVersion, "DaemonSet", Severity.Warning, (o, s, b) => b.AddWorkload(o.Metadata, "DaemonSet", o.Spec?.Template, null, s), Warn("DaemonSet"));
    }

    private static KindEntry Entry<T>(string apiVersion, string kind, Severity unknownFields, Action<T, SourceRef, ManifestSetBuilder> add, string? deprecation = null)
        where T : class =>
        new(apiVersion, kind, typeof(T), unknownFields, deprecation, (o, s, b) => add((T)o, s, b));
}
