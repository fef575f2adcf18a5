using Palisade.Engine;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ir;
using Palisade.Engine.Resolution;
using Palisade.Policy.Net;

namespace Palisade.Agent.Compilation;

/// <summary>
/// What each IPv4 address is to the policies of one node: every pod and node address exactly (the pod's class, or
/// host/remote-node as seen from the local node), and the rest of the space in blocks split at every policy CIDR,
/// exception and learned DNS address, numbered by the set of those that contain them. Pod addresses change with every
/// pod; the blocks change only with the policies' CIDRs.
/// </summary>
public sealed class AddressIdentities
{
    private AddressIdentities(IReadOnlyDictionary<uint, uint> exact, IReadOnlyList<AddressBlock> blocks, IReadOnlyDictionary<uint, PeerRef> peers)
    {
        Exact = exact;
        Blocks = blocks;
        Peers = peers;
    }

    /// <summary>Pod and node addresses to their identity.</summary>
    public IReadOnlyDictionary<uint, uint> Exact { get; }

    /// <summary>The outside blocks, in address order, covering all of IPv4 without overlap.</summary>
    public IReadOnlyList<AddressBlock> Blocks { get; }

    /// <summary>Each identity in use, with a peer the engine can evaluate for it.</summary>
    public IReadOnlyDictionary<uint, PeerRef> Peers { get; }

    /// <summary>The identities of <paramref name="engine"/>'s cluster and policies as node <paramref name="localNode"/> sees them.</summary>
    public static AddressIdentities For(PolicyEngine engine, string localNode, IdentityNumbering numbers)
    {
        var exact = new Dictionary<uint, uint>();
        var peers = new Dictionary<uint, PeerRef>();
        foreach (var node in engine.Cluster.Nodes.Where(n => !n.Address.IsV6))
        {
            var local = node.Name == localNode;
            var id = local ? IdentityNumbering.Host : IdentityNumbering.RemoteNode;
            exact[V4(node.Address)] = id;
            peers.TryAdd(id, PeerRef.OfNode(node, local));
        }
        foreach (var pod in engine.Cluster.Endpoints.Where(e => !e.HostNetwork && !e.PrimaryAddress.IsV6))
        {
            var c = engine.ClassOf(pod);
            var id = numbers.Class(c.Key);
            exact.TryAdd(V4(pod.PrimaryAddress), id);
            peers.TryAdd(id, PeerRef.Of(c));
        }
        var blocks = OutsideBlocks(engine, numbers);
        foreach (var b in blocks) peers.TryAdd(b.Identity, PeerRef.External(FromV4(b.First)));
        return new AddressIdentities(exact, blocks, peers);
    }

    private static List<AddressBlock> OutsideBlocks(PolicyEngine engine, IdentityNumbering numbers)
    {
        var cidrs = PolicyCidrs(engine).Distinct().ToList();
        var fqdnAddresses = cidrs.Where(c => c.Fqdn).Select(c => V4(c.Cidr.Network)).ToHashSet();
        var starts = new SortedSet<uint> { 0 };
        foreach (var (cidr, _) in cidrs)
        {
            starts.Add(V4(cidr.Network));
            var last = V4(cidr.Network) | HostMask(cidr.PrefixLength);
            if (last != uint.MaxValue) starts.Add(last + 1);
        }
        var ordered = starts.ToList();
        var blocks = new List<AddressBlock>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var first = ordered[i];
            var last = i + 1 < ordered.Count ? ordered[i + 1] - 1 : uint.MaxValue;
            // Addresses in the same policy CIDRs (and the same learned name) are one thing to every rule.
            var inside = cidrs.Where(c => !c.Fqdn && c.Cidr.Contains(FromV4(first))).Select(c => c.Cidr.ToString()).Order(StringComparer.Ordinal);
            var key = string.Join(",", inside) + (fqdnAddresses.Contains(first) && first == last ? "|dns:" + Text(first) : "");
            blocks.Add(new AddressBlock(first, last, numbers.Outside(key)));
        }
        return blocks;
    }

    private static IEnumerable<(Cidr Cidr, bool Fqdn)> PolicyCidrs(PolicyEngine engine)
    {
        foreach (var rule in engine.Policies.SelectMany(p => p.Rules))
        {
            foreach (var peer in rule.Peers ?? [])
            {
                if (peer is CidrPeer c)
                {
                    foreach (var cidr in c.Except.Prepend(c.Cidr).Where(x => !x.Network.IsV6)) yield return (cidr, false);
                }
                else if (peer is FqdnPeer f && engine.Options.AddressesOf is { } resolve)
                {
                    foreach (var a in resolve(f).Where(a => !a.IsV6)) yield return (new Cidr(a, 32), true);
                }
            }
        }
    }

    private static uint HostMask(int prefix) => prefix == 0 ? uint.MaxValue : (1u << (32 - prefix)) - 1;

    /// <summary>The 32-bit value of an IPv4 address.</summary>
    public static uint V4(IpAddressValue address) => (uint)address.Bits;

    /// <summary>The address of a 32-bit value.</summary>
    public static IpAddressValue FromV4(uint value) => new(false, value);

    /// <summary>Dotted text of a 32-bit value.</summary>
    public static string Text(uint value) => $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}";
}
