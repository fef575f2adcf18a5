using System.Net;
using Palisade.Lab.Netns;
using Palisade.Lab.System;

namespace Palisade.Lab.Topology;

/// <summary>
/// Makes and removes the lab's network in the kernel, routed as Calico does it. The fabric namespace has a bridge
/// with the nodes' links and is the world's router; each node has its address on <c>eth0</c>, routes to the other
/// nodes' pod blocks and a /32 route per local pod; each pod and world host has its address as a /32 on
/// <c>eth0</c> with the default route via 169.254.1.1, whose MAC (ee:ee:ee:ee:ee:ee, the peer's) is pinned.
/// </summary>
public sealed class LabTopology(LabConfig config, LabNaming naming)
{
    /// <summary>The MAC of every node-side (and fabric-side) veth of a pod or world host, as Calico uses it.</summary>
    public const string GatewayMac = "ee:ee:ee:ee:ee:ee";

    private readonly AddressPlan plan = new(config);

    /// <summary>The address plan in use.</summary>
    public AddressPlan Plan => plan;

    /// <summary>Makes the fabric and every node. Fails when any already exists (clean leftovers first).</summary>
    public async Task CreateNodesAsync(CancellationToken ct = default)
    {
        var add = new IpBatch().Add($"netns add {naming.Fabric}");
        foreach (var (node, _) in Nodes()) add.Add($"netns add {naming.Node(node)}");
        await add.RunAsync(ct).ConfigureAwait(false);

        var fabric = new IpBatch(naming.Fabric)
            .Add("link set lo up")
            .Add("link add br0 type bridge")
            .Add($"addr add {plan.Fabric}/{plan.NodePrefixLength} dev br0")
            .Add("link set br0 up");
        foreach (var (node, i) in Nodes())
        {
            var link = LabNaming.NodeLink(i);
            fabric.Add($"link add {link} type veth peer name eth0 netns {naming.Node(node)}")
                .Add($"link set {link} master br0 up")
                .Add($"route add {plan.PodBlock(i)} via {plan.Node(i)}");
        }
        await fabric.RunAsync(ct).ConfigureAwait(false);
        await EnableForwardingAsync(naming.Fabric, ct).ConfigureAwait(false);
        await Task.WhenAll(Nodes().Select(n => ConfigureNodeAsync(n.Name, n.Index, ct))).ConfigureAwait(false);
    }

    /// <summary>Node names with their 1-based index.</summary>
    public IEnumerable<(string Name, int Index)> Nodes() => config.NodeNames.Select((n, i) => (n, i + 1));

    private async Task ConfigureNodeAsync(string node, int index, CancellationToken ct)
    {
        var batch = new IpBatch(naming.Node(node))
            .Add("link set lo up")
            .Add($"addr add {plan.Node(index)}/{plan.NodePrefixLength} dev eth0")
            .Add("link set eth0 up")
            .Add($"route add default via {plan.Fabric}");
        foreach (var (_, other) in Nodes().Where(n => n.Index != index)) batch.Add($"route add {plan.PodBlock(other)} via {plan.Node(other)}");
        await batch.RunAsync(ct).ConfigureAwait(false);
        await EnableForwardingAsync(naming.Node(node), ct).ConfigureAwait(false);
    }

    /// <summary>Makes a pod's namespace and veth pair on <paramref name="node"/>, with its address and routes.</summary>
    public async Task CreatePodAsync(string node, string podKey, string netns, IPAddress address, CancellationToken ct = default)
    {
        await ProcessRunner.RunCheckedAsync("ip", ["netns", "add", netns], cancellationToken: ct).ConfigureAwait(false);
        var veth = LabNaming.PodVeth(podKey);
        await new IpBatch(naming.Node(node))
            .Add($"link add {veth} address {GatewayMac} type veth peer name eth0 netns {netns}")
            .Add($"link set {veth} up")
            .Add($"route add {address}/32 dev {veth} scope link")
            .RunAsync(ct).ConfigureAwait(false);
        await ConfigureEndpointAsync(netns, address, ct).ConfigureAwait(false);
    }

    /// <summary>Removes a pod's namespace (its veth pair and routes go with it).</summary>
    public static Task DeletePodAsync(string netns, CancellationToken ct = default) => DeleteNamespaceAsync(netns, ct);

    /// <summary>Makes a world host: a namespace joined to the fabric, outside every node.</summary>
    public async Task CreateWorldHostAsync(string hostName, string netns, IPAddress address, CancellationToken ct = default)
    {
        await ProcessRunner.RunCheckedAsync("ip", ["netns", "add", netns], cancellationToken: ct).ConfigureAwait(false);
        var veth = LabNaming.WorldVeth(hostName);
        await new IpBatch(naming.Fabric)
            .Add($"link add {veth} address {GatewayMac} type veth peer name eth0 netns {netns}")
            .Add($"link set {veth} up")
            .Add($"route add {address}/32 dev {veth} scope link")
            .RunAsync(ct).ConfigureAwait(false);
        await ConfigureEndpointAsync(netns, address, ct).ConfigureAwait(false);
    }

    private static Task ConfigureEndpointAsync(string netns, IPAddress address, CancellationToken ct) =>
        new IpBatch(netns)
            .Add("link set lo up")
            .Add($"addr add {address}/32 dev eth0")
            .Add("link set eth0 up")
            .Add("route add 169.254.1.1 dev eth0 scope link")
            .Add("route add default via 169.254.1.1 dev eth0")
            .Add($"neigh add 169.254.1.1 lladdr {GatewayMac} dev eth0 nud permanent")
            .RunAsync(ct);

    /// <summary>Deletes a namespace when it exists.</summary>
    public static async Task DeleteNamespaceAsync(string netns, CancellationToken ct = default)
    {
        if (!NetworkNamespace.Exists(netns)) return;
        await ProcessRunner.RunCheckedAsync("ip", ["netns", "delete", netns], cancellationToken: ct).ConfigureAwait(false);
    }

    private static Task EnableForwardingAsync(string netns, CancellationToken ct) =>
        ProcessRunner.RunCheckedAsync("ip", ["netns", "exec", netns, "sysctl", "-q", "-w",
            "net.ipv4.ip_forward=1", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0"], cancellationToken: ct);
}
