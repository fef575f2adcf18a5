using System.Net;
using Palisade.Lab.Dns;
using Palisade.Lab.Model;

namespace Palisade.Lab.Tests.Dns;

/// <summary>The star wars demo as the DNS sees it: Services and pods in "default", a lone pod in "empire", one world host.</summary>
internal static class StarWarsZone
{
    public static readonly IPAddress DeathstarClusterIp = IPAddress.Parse("10.96.0.10");
    public static readonly IPAddress Deathstar1 = IPAddress.Parse("10.0.1.5");
    public static readonly IPAddress Deathstar2 = IPAddress.Parse("10.0.1.6");
    public static readonly IPAddress Tiefighter = IPAddress.Parse("10.0.1.7");
    public static readonly IPAddress Spy = IPAddress.Parse("10.0.2.5");
    public static readonly IPAddress Twitter = IPAddress.Parse("10.99.200.10");

    public static DnsZoneSnapshot Snapshot { get; } = new()
    {
        Services =
        [
            Service("deathstar", DeathstarClusterIp),
            Service("deathstar-peers", null),
            Service("nobody-home", null),
        ],
        ServiceEndpoints = new Dictionary<string, IReadOnlyList<IPAddress>>
        {
            ["default/deathstar"] = [Deathstar1, Deathstar2],
            ["default/deathstar-peers"] = [Deathstar1, Deathstar2],
        },
        Pods =
        [
            Pod("default", "deathstar-1", Deathstar1),
            Pod("default", "deathstar-2", Deathstar2),
            Pod("default", "tiefighter", Tiefighter),
            Pod("empire", "spy", Spy),
        ],
        ExternalHosts = [new ExternalHost(["api.twitter.com", "Twitter.COM."], Twitter, "world-twitter")],
    };

    public static LabService Service(string name, IPAddress? clusterIp) =>
        new("default", name, clusterIp, new Dictionary<string, string> { ["org"] = "empire" },
            [new LabServicePort("http", 80, LabProtocol.Tcp, null), new LabServicePort(null, 8080, LabProtocol.Tcp, null)]);

    public static LabPod Pod(string ns, string name, IPAddress ip) =>
        new(ns, name, "node-1", ip, "pod-" + name, new Dictionary<string, string>(), [], null);
}
