using System.Net;

namespace Palisade.Lab.Store;

/// <summary>
/// What the lab made for a pod and what it observed: placement (node, address, namespace), phase, readiness and
/// restarts, and a hash of the spec its workload runs (a change re-creates the workload).
/// </summary>
public sealed record PodRecord(
    string Namespace,
    string Name,
    string Node,
    IPAddress Ip,
    string Netns,
    string Phase,
    bool Ready,
    int Restarts,
    string SpecHash,
    string? Message,
    DateTimeOffset Created)
{
    /// <summary>"namespace/name".</summary>
    public string Key => Namespace + "/" + Name;
}
