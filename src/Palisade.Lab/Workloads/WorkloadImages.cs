using Palisade.Lab.Model;

namespace Palisade.Lab.Workloads;

/// <summary>Recognises the demo images by name and decides which ports a pod's workload listens on.</summary>
internal static class WorkloadImages
{
    private const int Http = 80;
    private const int Https = 443;

    /// <summary>The behaviour of <paramref name="spec"/>: world host when it has TLS names, else by image name.</summary>
    public static WorkloadKind KindOf(WorkloadSpec spec) =>
        spec.TlsNames is { Count: > 0 } ? WorkloadKind.World : KindOfImage(spec.Image);

    /// <summary>The demo an image runs, by repository path alone (registry, tag and digest ignored).</summary>
    public static WorkloadKind KindOfImage(string? image) => RepositoryOf(image) switch
    {
        "cilium/starwars" => WorkloadKind.Deathstar,
        "cilium/json-mock" => WorkloadKind.JsonMock,
        _ => WorkloadKind.Generic,
    };

    /// <summary>
    /// The ports the workload listens on: the declared ones, plus TCP 80 for the demo images (the real images listen
    /// there whatever the pod declares) and TCP 80 and 443 for a world host; each port once, in declaration order.
    /// </summary>
    public static IReadOnlyList<LabPort> ListeningPorts(WorkloadSpec spec)
    {
        var ports = new List<LabPort>();
        foreach (var port in spec.Ports.Concat(ImpliedPorts(KindOf(spec))))
        {
            if (!ports.Exists(p => p.Port == port.Port && p.Protocol == port.Protocol)) ports.Add(port);
        }
        return ports;
    }

    private static IEnumerable<LabPort> ImpliedPorts(WorkloadKind kind) => kind switch
    {
        WorkloadKind.Deathstar or WorkloadKind.JsonMock => [new LabPort("http", Http, LabProtocol.Tcp)],
        WorkloadKind.World => [new LabPort("http", Http, LabProtocol.Tcp), new LabPort("https", Https, LabProtocol.Tcp)],
        _ => [],
    };

    private static string RepositoryOf(string? image)
    {
        if (string.IsNullOrWhiteSpace(image)) return "";
        var name = image.Trim();
        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0) name = name[..at];
        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/')) name = name[..colon];
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && IsRegistry(name[..slash])) name = name[(slash + 1)..];
        return name.ToLowerInvariant();
    }

    private static bool IsRegistry(string component) =>
        component.Contains('.', StringComparison.Ordinal) || component.Contains(':', StringComparison.Ordinal) || component == "localhost";
}
