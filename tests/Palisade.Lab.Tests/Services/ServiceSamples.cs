using System.Net;
using Palisade.Lab.Model;
using Palisade.Lab.Services;

namespace Palisade.Lab.Tests.Services;

/// <summary>
/// A small cluster for the Services tests: client pod A, web pods B and C (container port "http" 8080/TCP, UDP on
/// 5353), Service default/web (ClusterIP 10.96.0.20: 80/TCP to "http", 53/UDP to 5353), default/empty (10.96.0.30, no
/// pod matches) and the headless default/db.
/// </summary>
internal static class ServiceSamples
{
    public static readonly IPAddress NodeIp = IPAddress.Parse("10.0.0.1");
    public static readonly IPAddress WebIp = IPAddress.Parse("10.96.0.20");
    public static readonly IPAddress EmptyIp = IPAddress.Parse("10.96.0.30");

    public static readonly LabPod A = Pod("a", "10.244.1.2", "client");
    public static readonly LabPod B = Pod("b", "10.244.1.3", "web");
    public static readonly LabPod C = Pod("c", "10.244.1.4", "web");

    public static readonly LabServicePort Http = new("http", 80, LabProtocol.Tcp, "http");
    public static readonly LabServicePort Dns = new("dns", 53, LabProtocol.Udp, "5353");

    public static readonly LabService Web = new("default", "web", WebIp, Labels("web"), [Http, Dns]);
    public static readonly LabService Empty = new("default", "empty", EmptyIp, Labels("nobody"), [new("http", 80, LabProtocol.Tcp, null)]);
    public static readonly LabService Headless = new("default", "db", null, Labels("web"), [new(null, 5432, LabProtocol.Tcp, null)]);

    public static IReadOnlyList<LabService> Services { get; } = [Web, Empty, Headless];

    /// <summary>The ruleset for <see cref="Services"/> when exactly <paramref name="ready"/> are ready.</summary>
    public static string Ruleset(params LabPod[] ready)
    {
        LabPod[] pods = [A, B, C];
        var backends = Services.SelectMany(s => ServiceEndpoints.Compute(s, pods, ready.Contains)).ToList();
        return ServiceRuleset.Render(Services, backends);
    }

    private static LabPod Pod(string name, string ip, string app) =>
        new("default", name, "node-1", IPAddress.Parse(ip), "unused", Labels(app), [new("http", 8080, LabProtocol.Tcp), new("dns", 5353, LabProtocol.Udp)], null);

    private static Dictionary<string, string> Labels(string app) => new() { ["app"] = app };
}
