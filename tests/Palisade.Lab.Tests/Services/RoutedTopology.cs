using System.Net;
using Palisade.Lab.System;
using Palisade.Lab.Tests.Support;

namespace Palisade.Lab.Tests.Services;

/// <summary>
/// A node namespace with pod namespaces routed to it the way Calico wires them: each pod has eth0 with a /32 address,
/// a default route via 169.254.1.1 onlink and a permanent neighbour entry for it; the node has a veth per pod (MAC
/// ee:ee:ee:ee:ee:ee) with a /32 route to the pod, forwards packets, and holds its own address on lo (the source of
/// masqueraded and ICMP packets). Everything lives in namespaces of one <see cref="TestNetworks"/>, deleted on dispose.
/// </summary>
internal sealed class RoutedTopology : IAsyncDisposable
{
    /// <summary>The MAC of every node-side veth, and the pods' neighbour entry for the gateway.</summary>
    public const string NodeSideMac = "ee:ee:ee:ee:ee:ee";

    /// <summary>The gateway address every pod routes through.</summary>
    public const string Gateway = "169.254.1.1";

    private readonly TestNetworks nets = new();

    private RoutedTopology(IPAddress nodeIp) => NodeIp = nodeIp;

    /// <summary>The node's network namespace.</summary>
    public string Node { get; private set; } = "";

    /// <summary>The node's own address (on lo).</summary>
    public IPAddress NodeIp { get; }

    /// <summary>Makes the node namespace with <paramref name="nodeIp"/> and forwarding on.</summary>
    public static async Task<RoutedTopology> CreateAsync(IPAddress nodeIp)
    {
        var topology = new RoutedTopology(nodeIp);
        try
        {
            topology.Node = await topology.nets.NamespaceAsync("node");
            await Ip(topology.Node, "addr", "add", nodeIp + "/32", "dev", "lo");
            await ProcessRunner.RunCheckedAsync("ip", ["netns", "exec", topology.Node, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1"]);
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    /// <summary>Makes pod namespace <paramref name="name"/> (a short suffix: the node-side veth is "v-" + name) with address <paramref name="ip"/>, and returns its full name.</summary>
    public async Task<string> AddPodAsync(string name, IPAddress ip)
    {
        var pod = await nets.NamespaceAsync(name);
        var veth = "v-" + name;
        await Ip(Node, "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", pod);
        await Ip(Node, "link", "set", veth, "address", NodeSideMac, "up");
        await Ip(Node, "route", "add", ip + "/32", "dev", veth);
        await Ip(pod, "addr", "add", ip + "/32", "dev", "eth0");
        await Ip(pod, "link", "set", "eth0", "up");
        await Ip(pod, "neigh", "add", Gateway, "lladdr", NodeSideMac, "dev", "eth0", "nud", "permanent");
        await Ip(pod, "route", "add", "default", "via", Gateway, "dev", "eth0", "onlink");
        return pod;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => nets.DisposeAsync();

    private static Task<string> Ip(string netns, params string[] arguments) => ProcessRunner.RunCheckedAsync("ip", ["-n", netns, .. arguments]);
}
