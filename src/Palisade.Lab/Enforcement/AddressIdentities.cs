using Palisade.Engine;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ir;
using Palisade.Engine.Resolution;
using Palisade.Policy.Net;

namespace Palisade.Lab.Enforcement;

/// <summary>
/// Splits the IPv4 space into the blocks the policies can tell apart — every pod and node address, every policy CIDR
/// and exception, every learned FQDN address — and gives each block the number the data plane keys its maps by:
/// 256 + the endpoint class for a pod, 1 (host) or 6 (remote-node) for a node as seen from <c>localNode</c>, and
/// 16777216 + k for the k-th outside block (a local CIDR identity, as Cilium numbers them).
/// </summary>
public sealed class AddressIdentities
{
    /// <summary>The host identity (the local node).</summary>
    public const uint Host = 1;

    /// <summary>The remote-node identity.</summary>
    public const uint RemoteNode = 6;

    /// <summary>Where pods' endpoint classes start.</summary>
    public const uint FirstClass = 256;

    /// <summary>Where outside blocks start.</summary>
    public const uint FirstOutside = 16777216;

    private AddressIdentities(IReadOnlyList<AddressBlock> blocks) => Blocks = blocks;

    /// <summary>The blocks, in address order, covering all of IPv4 without overlap.</summary>
    public IReadOnlyList<AddressBlock> Blocks { get; }

    /// <summary>The blocks of <paramref name="engine"/>'s cluster and policies as node <paramref name="localNode"/> sees them.</summary>
    public static AddressIdentities For(PolicyEngine engine, string localNode)
    {
        var pods = engine.Cluster.Endpoints.Where(e => !e.HostNetwork && !e.PrimaryAddress.IsV6).ToDictionary(e => V4(e.PrimaryAddress), e => e);
        var nodes = engine.Cluster.Nodes.Where(n => !n.Address.IsV6).ToDictionary(n => V4(n.Address), n => n);
        var starts = new SortedSet<uint> { 0 };
        foreach (var a in pods.Keys.Concat(nodes.Keys)) AddBlock(starts, a, a);
        foreach (var cidr in PolicyCidrs(engine)) AddBlock(starts, V4(cidr.Network), V4(cidr.Network) | HostMask(cidr.PrefixLength));
        var ordered = starts.ToList();
        var blocks = new List<AddressBlock>();
        uint outside = FirstOutside;
        for (var i = 0; i < ordered.Count; i++)
        {
            var first = ordered[i];
            var last = i + 1 < ordered.Count ? ordered[i + 1] - 1 : uint.MaxValue;
            var block = pods.TryGetValue(first, out var pod) && first == last ? new AddressBlock(first, last, FirstClass + (uint)engine.ClassOf(pod).Index, PeerRef.Of(engine.ClassOf(pod)))
                : nodes.TryGetValue(first, out var node) && first == last ? new AddressBlock(first, last, node.Name == localNode ? Host : RemoteNode, PeerRef.OfNode(node, node.Name == localNode))
                : new AddressBlock(first, last, outside++, PeerRef.External(FromV4(first)));
            blocks.Add(block);
        }
        return new AddressIdentities(blocks);
    }

    private static IEnumerable<Cidr> PolicyCidrs(PolicyEngine engine)
    {
        foreach (var rule in engine.Policies.SelectMany(p => p.Rules))
        {
            foreach (var peer in rule.Peers ?? [])
            {
                if (peer is CidrPeer c)
                {
                    foreach (var cidr in c.Except.Prepend(c.Cidr).Where(x => !x.Network.IsV6)) yield return cidr;
                }
                else if (peer is FqdnPeer f && engine.Options.AddressesOf is { } resolve)
                {
                    foreach (var a in resolve(f).Where(a => !a.IsV6)) yield return new Cidr(a, 32);
                }
            }
        }
    }

    private static void AddBlock(SortedSet<uint> starts, uint first, uint last)
    {
        starts.Add(first);
        if (last != uint.MaxValue) starts.Add(last + 1);
    }

    private static uint HostMask(int prefix) => prefix == 0 ? uint.MaxValue : (1u << (32 - prefix)) - 1;

    /// <summary>The 32-bit value of an IPv4 address.</summary>
    public static uint V4(IpAddressValue address) => (uint)address.Bits;

    /// <summary>The address of a 32-bit value.</summary>
    public static IpAddressValue FromV4(uint value) => new(false, value);

    /// <summary>Dotted text of a 32-bit value.</summary>
    public static string Text(uint value) => $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}";
}
