using k8s;
using k8s.Models;

namespace Palisade.Policy.Loading;

/// <summary>
/// Makes the pods a workload would run: one per replica (Deployment, ReplicaSet, ReplicationController, StatefulSet),
/// one per parallel Job pod, one per matching node for a DaemonSet (one if no nodes are declared), one for a
/// CronJob (the pods of one scheduled run). Names and controller labels follow Kubernetes.
/// </summary>
internal static class WorkloadExpander
{
    public static IEnumerable<LoadedPod> Expand(PendingWorkload w, IReadOnlyList<Loaded<V1Node>> nodes)
    {
        var owner = new WorkloadRef(w.Kind, w.Name);
        var hash = KubernetesNaming.TemplateHash(KubernetesJson.Serialize(w.Template));
        var used = new HashSet<string>(StringComparer.Ordinal);
        var prefix = w.Namespace + "/" + w.Name;
        if (w.Kind == "DaemonSet")
        {
            var matching = nodes.Where(n => NodeMatches(n.Object, w.Template.Spec?.NodeSelector)).ToList();
            if (matching.Count == 0) return [Pod(w, owner, Unique(used, a => $"{w.Name}-{KubernetesNaming.Suffix(Seed(prefix, a))}"), null, hash)];
            return [.. matching.Select(n => Pod(w, owner, Unique(used, a => $"{w.Name}-{KubernetesNaming.Suffix(Seed(prefix + "/" + n.Object.Metadata.Name, a))}"), n.Object.Metadata.Name, hash))];
        }
        return [.. Enumerable.Range(0, w.Replicas).Select(i => Pod(w, owner, Unique(used, a => PodName(w, hash, i, a)), null, hash))];
    }

    /// <summary>
    /// The first free name of a workload's pods: two replicas' five-character suffixes can collide (about once in 30
    /// workloads of 1,000 replicas), and a controller would then retry with another; so does this, deterministically.
    /// </summary>
    private static string Unique(HashSet<string> used, Func<int, string> nameForAttempt)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = nameForAttempt(attempt);
            if (used.Add(name)) return name;
        }
    }

    private static string Seed(string seed, int attempt) => attempt == 0 ? seed : $"{seed}#{attempt}";

    private static string PodName(PendingWorkload w, string hash, int i, int attempt)
    {
        var seed = Seed($"{w.Namespace}/{w.Name}/{i}", attempt);
        return w.Kind switch
        {
            "StatefulSet" => $"{w.Name}-{i}",
            "Deployment" => $"{w.Name}-{hash}-{KubernetesNaming.Suffix(seed)}",
            "CronJob" => $"{w.Name}-{29000000 + (hash.Length * 7919 % 100000)}-{KubernetesNaming.Suffix(seed)}",
            _ => $"{w.Name}-{KubernetesNaming.Suffix(seed)}",
        };
    }

    private static bool NodeMatches(V1Node node, IDictionary<string, string>? selector) =>
        selector is null || selector.All(kv => node.Metadata.Labels?.TryGetValue(kv.Key, out var v) == true && v == kv.Value);

    private static LoadedPod Pod(PendingWorkload w, WorkloadRef owner, string name, string? nodeName, string hash)
    {
        var labels = new Dictionary<string, string>(w.Template.Metadata?.Labels ?? new Dictionary<string, string>());
        AddControllerLabels(labels, w, name, hash);
        var spec = w.Template.Spec ?? new V1PodSpec();
        var pod = new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = w.Namespace, Labels = labels, Annotations = w.Template.Metadata?.Annotations },
            Spec = nodeName is null ? spec : CopyWithNode(spec, nodeName),
        };
        return new LoadedPod(pod, owner, w.Source);
    }

    private static void AddControllerLabels(Dictionary<string, string> labels, PendingWorkload w, string name, string hash)
    {
        switch (w.Kind)
        {
            case "Deployment": labels["pod-template-hash"] = hash; break;
            case "StatefulSet": labels["statefulset.kubernetes.io/pod-name"] = name; break;
            case "Job" or "CronJob":
                var job = w.Kind == "Job" ? w.Name : string.Join('-', name.Split('-')[..^1]);
                labels["job-name"] = job;
                labels["batch.kubernetes.io/job-name"] = job;
                break;
        }
    }

    private static V1PodSpec CopyWithNode(V1PodSpec spec, string nodeName)
    {
        var copy = KubernetesJson.Deserialize<V1PodSpec>(KubernetesJson.Serialize(spec));
        copy.NodeName = nodeName;
        return copy;
    }
}
