using System.Net;
using Palisade.Lab.Model;

namespace Palisade.Lab.Dns;

/// <summary>
/// What the lab's cluster DNS answers from at one moment: the cluster domain, the Services with their ready endpoint
/// addresses, the pods, and the world hosts with their names. <see cref="LabDnsServer"/> indexes a snapshot once, when
/// it receives it, and answers every query from one whole snapshot.
/// </summary>
internal sealed record DnsZoneSnapshot
{
    /// <summary>The cluster domain (Kubernetes' default is cluster.local); a trailing dot is ignored.</summary>
    public string ClusterDomain { get; init; } = "cluster.local";

    /// <summary>The Services; a Service with a null ClusterIP is headless and answers with its ready endpoints.</summary>
    public IReadOnlyList<LabService> Services { get; init; } = [];

    /// <summary>Ready pod addresses per Service key ("namespace/name"): the A records of headless Services and of endpoint names.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IPAddress>> ServiceEndpoints { get; init; } = new Dictionary<string, IReadOnlyList<IPAddress>>();

    /// <summary>The pods: their namespaces exist in DNS, and their addresses answer as <c>a-b-c-d.NAMESPACE.pod.DOMAIN</c>.</summary>
    public IReadOnlyList<LabPod> Pods { get; init; } = [];

    /// <summary>The world hosts, whose names answer with their address.</summary>
    public IReadOnlyList<ExternalHost> ExternalHosts { get; init; } = [];
}
