using System.Net;

namespace Palisade.Lab.Model;

/// <summary>
/// A Service as the lab serves it: a ClusterIP (null for a headless Service) translated to the ready pods that match
/// <see cref="Selector"/> in the same namespace (a null selector selects no pods, as in Kubernetes).
/// </summary>
public sealed record LabService(
    string Namespace,
    string Name,
    IPAddress? ClusterIp,
    IReadOnlyDictionary<string, string>? Selector,
    IReadOnlyList<LabServicePort> Ports)
{
    /// <summary>"namespace/name".</summary>
    public string Key => Namespace + "/" + Name;
}
