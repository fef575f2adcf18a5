using System.Net;
using Palisade.Lab.Model;
using Palisade.Lab.Store;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Loading;

namespace Palisade.Lab.State;

/// <summary>
/// The lab's desired state, loaded from the stored objects with the same loader as every other Palisade command (so
/// Deployments become their pods with Kubernetes' names, and policies of every dialect are read alike).
/// </summary>
public sealed class DesiredState
{
    private DesiredState(ManifestSet set)
    {
        Manifests = set;
        Pods = [.. set.Pods.Select(p => PodSpecView.From(p.Pod, p.Workload?.ToString()))];
    }

    /// <summary>Everything loaded.</summary>
    public ManifestSet Manifests { get; }

    /// <summary>The desired pods.</summary>
    public IReadOnlyList<PodSpecView> Pods { get; }

    /// <summary>Loads the stored objects; throws when they no longer load (they were validated when applied).</summary>
    public static DesiredState Load(IReadOnlyList<StoredObject> objects)
    {
        var set = ManifestLoader.Load(objects.Select(o => new ManifestInput($"{o.Kind}/{(o.Namespace is null ? "" : o.Namespace + "/")}{o.Name}", o.Json)));
        if (set.HasErrors)
        {
            var first = set.Diagnostics.First(d => d.Severity == Severity.Error);
            throw new LabException($"the lab's stored objects no longer load: {first}");
        }
        return new DesiredState(set);
    }

    /// <summary>The Services as the lab serves them, with the ClusterIPs <paramref name="clusterIps"/> gives them.</summary>
    public IReadOnlyList<LabService> Services(IReadOnlyDictionary<string, IPAddress?> clusterIps) =>
        [.. Manifests.Services.Select(s => s.Object).Select(s =>
        {
            var key = s.Metadata.NamespaceProperty + "/" + s.Metadata.Name;
            var ports = (s.Spec?.Ports ?? []).Select(p => new LabServicePort(p.Name, p.Port, PodSpecView.Protocol(p.Protocol), p.TargetPort?.Value)).ToList();
            var selector = s.Spec?.Selector is { Count: > 0 } sel ? new Dictionary<string, string>(sel) : null;
            return new LabService(s.Metadata.NamespaceProperty, s.Metadata.Name, clusterIps.GetValueOrDefault(key), selector, ports);
        })];

    /// <summary>The namespaces, declared and implied.</summary>
    public IReadOnlyList<string> Namespaces => [.. Manifests.Namespaces.Select(n => n.Object.Metadata.Name)];
}
