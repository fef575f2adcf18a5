using System.Security.Cryptography;
using System.Text;
using k8s.Models;
using Palisade.Lab.Model;

namespace Palisade.Lab.State;

/// <summary>
/// What the lab needs of a desired pod: identity, labels, the ports and image its workload serves, and where it
/// asks to run. <see cref="WorkloadHash"/> changes exactly when the workload must be restarted.
/// </summary>
public sealed record PodSpecView(
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<LabPort> Ports,
    string? Image,
    string? NodeName,
    IReadOnlyDictionary<string, string>? NodeSelector,
    string? Owner)
{
    /// <summary>"namespace/name".</summary>
    public string Key => Namespace + "/" + Name;

    /// <summary>A hash of what the workload serves (image and ports).</summary>
    public string WorkloadHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        Image + "|" + string.Join(",", Ports.Select(p => $"{p.Name}:{p.Port}/{p.Protocol}")))))[..16];

    /// <summary>The view of a loaded pod.</summary>
    public static PodSpecView From(V1Pod pod, string? owner)
    {
        var containers = pod.Spec?.Containers ?? [];
        var ports = containers.SelectMany(c => c.Ports ?? []).Select(p => new LabPort(p.Name, p.ContainerPort, Protocol(p.Protocol))).Distinct().ToList();
        var image = containers.Select(c => c.Image).FirstOrDefault(DemoImages.IsKnown) ?? containers.FirstOrDefault()?.Image;
        return new PodSpecView(pod.Metadata.NamespaceProperty, pod.Metadata.Name,
            new Dictionary<string, string>(pod.Metadata.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            ports, image, pod.Spec?.NodeName, pod.Spec?.NodeSelector is { Count: > 0 } s ? new Dictionary<string, string>(s) : null, owner);
    }

    /// <summary>The lab protocol of a Kubernetes protocol name (TCP when absent).</summary>
    public static LabProtocol Protocol(string? name) => name?.ToUpperInvariant() switch
    {
        "UDP" => LabProtocol.Udp,
        "SCTP" => LabProtocol.Sctp,
        _ => LabProtocol.Tcp,
    };
}
