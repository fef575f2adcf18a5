using k8s.Models;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Validation;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Loading;

/// <summary>Accumulates loaded objects; <see cref="Build"/> expands workloads, adds implicit namespaces and validates.</summary>
internal sealed class ManifestSetBuilder(DiagnosticBag diagnostics)
{
    /// <summary>The label the API server puts on every namespace.</summary>
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>The most pods one workload may expand to (a typo such as replicas: 1000000000 must not exhaust memory).</summary>
    public const int MaxReplicas = 100_000;

    private const string LegacyIsolationAnnotation = "net.beta.kubernetes.io/network-policy";

    private static readonly FieldPath Metadata = FieldPath.Root.Field("metadata");

    private readonly List<Loaded<V1Namespace>> _namespaces = [];
    private readonly List<LoadedPod> _pods = [];
    private readonly List<Loaded<V1Service>> _services = [];
    private readonly List<Loaded<V1Node>> _nodes = [];
    private readonly List<Loaded<V1NetworkPolicy>> _policies = [];
    private readonly List<PendingWorkload> _workloads = [];
    private readonly List<Loaded<Cilium.CiliumNetworkPolicy>> _cnps = [];
    private readonly List<Loaded<Cilium.CiliumClusterwideNetworkPolicy>> _ccnps = [];

    public DiagnosticBag Diagnostics => diagnostics;

    public void AddNamespace(V1Namespace ns, SourceRef source)
    {
        ns.Metadata.Labels ??= new Dictionary<string, string>();
        ns.Metadata.Labels[NamespaceNameLabel] = ns.Metadata.Name;
        if (ns.Metadata.Annotations?.ContainsKey(LegacyIsolationAnnotation) == true)
        {
            Report(Severity.Warning, source, Metadata.Field("annotations").Field(LegacyIsolationAnnotation),
                $"the annotation {LegacyIsolationAnnotation} is no longer honoured (Kubernetes dropped it in 1.7); it isolates nothing",
                "express the isolation as a NetworkPolicy, e.g. a default-deny policy with podSelector: {} in this namespace");
        }
        _namespaces.Add(new(ns, source));
    }

    public void AddPod(V1Pod pod, SourceRef source)
    {
        ReportAll(PolicyModeAnnotation.Validate(pod.Metadata?.Annotations, Metadata), source);
        _pods.Add(new LoadedPod(pod, null, source));
    }

    public void AddService(V1Service service, SourceRef source) => _services.Add(new(service, source));

    public void AddNode(V1Node node, SourceRef source) => _nodes.Add(new(node, source));

    public void AddNetworkPolicy(V1NetworkPolicy policy, SourceRef source)
    {
        ReportAll(NetworkPolicyValidator.Validate(policy), source);
        ReportAll(PolicyModeAnnotation.Validate(policy.Metadata?.Annotations, Metadata), source);
        _policies.Add(new(policy, source));
    }

    /// <summary>Validates and collects a CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy.</summary>
    public void AddCiliumPolicy(object policy, SourceRef source)
    {
        ReportAll(Cilium.CiliumPolicyValidator.Validate(policy), source);
        var metadata = policy is Cilium.CiliumNetworkPolicy namespaced ? namespaced.Metadata : ((Cilium.CiliumClusterwideNetworkPolicy)policy).Metadata;
        ReportAll(PolicyModeAnnotation.Validate(metadata?.Annotations, Metadata), source);
        if (policy is Cilium.CiliumNetworkPolicy cnp) _cnps.Add(new(cnp, source));
        else _ccnps.Add(new((Cilium.CiliumClusterwideNetworkPolicy)policy, source));
    }

    /// <summary>Reports a validator's problems, except where the binder already reported the field.</summary>
    private void ReportAll(IEnumerable<ValidationProblem> problems, SourceRef source)
    {
        foreach (var d in problems)
        {
            if (!BindingFailedAt(source, d.Path)) Report(d.Severity, source, d.Path, d.Message, d.Hint);
        }
    }

    /// <summary>
    /// True when the binder already reported that it could not read this field (so "cidr is required" is not added
    /// to "expected a string, found a list" for the same cidr).
    /// </summary>
    private bool BindingFailedAt(SourceRef source, FieldPath path)
    {
        var location = source.Locate(path);
        var printed = source.Resolve(path).ToString();
        return diagnostics.Items.Any(d => d.Severity == Severity.Error && d.Location == location && d.FieldPath == printed);
    }

    public void AddWorkload(V1ObjectMeta meta, string kind, V1PodTemplateSpec? template, int? replicas, SourceRef source)
    {
        if (template is null)
        {
            var field = kind == "CronJob" ? "spec.jobTemplate.spec.template" : "spec.template";
            Report(Severity.Error, source, FieldPath.Root.Field("spec"), $"{kind} {meta.Name} has no pod template", $"add {field} with the pod's labels and containers");
            return;
        }
        var templatePath = kind == "CronJob" ? FieldPath.Root.Field("spec").Field("jobTemplate").Field("spec").Field("template") : FieldPath.Root.Field("spec").Field("template");
        ReportAll(PolicyModeAnnotation.Validate(template.Metadata?.Annotations, templatePath.Field("metadata")), source);
        if (replicas > MaxReplicas)
        {
            Report(Severity.Error, source, FieldPath.Root.Field("spec").Field(kind is "Job" or "CronJob" ? "parallelism" : "replicas"),
                $"{replicas} pods exceed Palisade's limit of {MaxReplicas} pods per workload", $"analyse with at most {MaxReplicas} replicas; identities, not replica counts, decide verdicts");
            return;
        }
        _workloads.Add(new PendingWorkload(kind, meta.NamespaceProperty, meta.Name, template, Math.Max(0, replicas ?? 1), source));
    }

    /// <summary>Reports a diagnostic at a field of an object; the printed path starts at the document root, as the binder's do.</summary>
    public void Report(Severity severity, SourceRef source, FieldPath path, string message, string? hint) =>
        diagnostics.Add(new Diagnostic(severity, source.Locate(path), source.Resolve(path).ToString(), message, hint));

    public ManifestSet Build()
    {
        foreach (var w in _workloads) _pods.AddRange(WorkloadExpander.Expand(w, _nodes));
        return new ManifestSet
        {
            Namespaces = WithImplicitNamespaces(),
            Pods = Deduplicate(_pods, p => ("Pod", p.Namespace, p.Name), p => p.Source),
            Services = Deduplicate(_services, s => ("Service", s.Object.Metadata.NamespaceProperty, s.Object.Metadata.Name), s => s.Source),
            Nodes = Deduplicate(_nodes, n => ("Node", "", n.Object.Metadata.Name), n => n.Source),
            NetworkPolicies = Deduplicate(_policies, p => ("NetworkPolicy", p.Object.Metadata.NamespaceProperty, p.Object.Metadata.Name), p => p.Source),
            CiliumNetworkPolicies = Deduplicate(_cnps, p => ("CiliumNetworkPolicy", p.Object.Metadata!.NamespaceProperty, p.Object.Metadata.Name), p => p.Source),
            CiliumClusterwideNetworkPolicies = Deduplicate(_ccnps, p => ("CiliumClusterwideNetworkPolicy", "", p.Object.Metadata!.Name), p => p.Source),
            Diagnostics = diagnostics.Items,
        };
    }

    private List<Loaded<V1Namespace>> WithImplicitNamespaces()
    {
        var declared = Deduplicate(_namespaces, n => ("Namespace", "", n.Object.Metadata.Name), n => n.Source);
        var names = declared.Select(n => n.Object.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        var referenced = _pods.Select(p => (p.Namespace, p.Source))
            .Concat(_services.Select(s => (s.Object.Metadata.NamespaceProperty, s.Source)))
            .Concat(_policies.Select(p => (p.Object.Metadata.NamespaceProperty, p.Source)))
            .Concat(_cnps.Select(p => (p.Object.Metadata!.NamespaceProperty, p.Source)));
        foreach (var (ns, source) in referenced)
        {
            if (!names.Add(ns)) continue;
            var implicitNs = new V1Namespace
            {
                ApiVersion = "v1",
                Kind = "Namespace",
                Metadata = new V1ObjectMeta { Name = ns, Labels = new Dictionary<string, string> { [NamespaceNameLabel] = ns } },
            };
            declared.Add(new Loaded<V1Namespace>(implicitNs, source));
        }
        return declared;
    }

    private List<T> Deduplicate<T>(List<T> items, Func<T, (string Kind, string Ns, string Name)> key, Func<T, SourceRef> source)
    {
        var byKey = new Dictionary<(string, string, string), int>();
        var result = new List<T>();
        foreach (var item in items)
        {
            var k = key(item);
            if (byKey.TryGetValue(k, out var index))
            {
                var ns = k.Ns.Length > 0 ? k.Ns + "/" : "";
                Report(Severity.Warning, source(item), FieldPath.Root.Field("metadata").Field("name"),
                    $"{k.Kind} {ns}{k.Name} is defined again (first at {source(result[index])}); the later definition is used", null);
                result[index] = item;
                continue;
            }
            byKey[k] = result.Count;
            result.Add(item);
        }
        return result;
    }
}
