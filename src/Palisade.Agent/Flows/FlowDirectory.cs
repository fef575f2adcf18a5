using System.Collections.Frozen;
using Palisade.Agent.Compilation;
using Palisade.Engine;

namespace Palisade.Agent.Flows;

/// <summary>
/// Addresses to what they are (<see cref="FlowPeer"/>) for the flows one node reports: made after each sync from the
/// engine the node's program came from, and swapped whole, so a reader on another thread always sees one consistent
/// directory. Immutable.
/// </summary>
public sealed class FlowDirectory
{
    private readonly FrozenDictionary<uint, FlowPeer> exact;
    private readonly AddressBlock[] blocks;

    private FlowDirectory(FrozenDictionary<uint, FlowPeer> exact, AddressBlock[] blocks, string node)
    {
        this.exact = exact;
        this.blocks = blocks;
        Node = node;
    }

    /// <summary>An empty directory (every address is the world) for node <paramref name="node"/>.</summary>
    public static FlowDirectory Empty(string node) => new(FrozenDictionary<uint, FlowPeer>.Empty, [], node);

    /// <summary>The node whose flows these are.</summary>
    public string Node { get; }

    /// <summary>The directory of <paramref name="engine"/>'s cluster as node <paramref name="node"/> numbers it.</summary>
    public static FlowDirectory Of(PolicyEngine engine, string node, IdentityNumbering numbers, IReadOnlyList<AddressBlock> blocks)
    {
        var exact = new Dictionary<uint, FlowPeer>();
        foreach (var n in engine.Cluster.Nodes.Where(n => !n.Address.IsV6))
        {
            var local = n.Name == node;
            exact[AddressIdentities.V4(n.Address)] = new FlowPeer(local ? IdentityNumbering.Host : IdentityNumbering.RemoteNode, null, null,
                [local ? "reserved:host" : "reserved:remote-node"], null, n.Name);
        }
        foreach (var pod in engine.Cluster.Endpoints.Where(e => !e.HostNetwork && !e.PrimaryAddress.IsV6))
        {
            var labels = engine.Identities.Of(pod)?.CiliumLabels.Where(l => !l.StartsWith("k8s:io.cilium.k8s.", StringComparison.Ordinal)).ToList() ?? [];
            exact.TryAdd(AddressIdentities.V4(pod.PrimaryAddress), new FlowPeer(numbers.Class(engine.ClassOf(pod).Key), pod.Namespace, pod.Name, labels, pod.Workload, pod.NodeName));
        }
        return new FlowDirectory(exact.ToFrozenDictionary(), [.. blocks], node);
    }

    /// <summary>What <paramref name="address"/> (IPv4, host order) is.</summary>
    public FlowPeer Find(uint address)
    {
        if (exact.TryGetValue(address, out var peer)) return peer;
        var (lo, hi) = (0, blocks.Length - 1);
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (address < blocks[mid].First) hi = mid - 1;
            else if (address > blocks[mid].Last) lo = mid + 1;
            else return FlowPeer.World(blocks[mid].Identity);
        }
        return FlowPeer.World(0);
    }
}
