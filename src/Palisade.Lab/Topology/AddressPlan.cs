using System.Net;
using System.Numerics;

namespace Palisade.Lab.Topology;

/// <summary>
/// Addresses of a lab, computed from its <see cref="LabConfig"/>: the fabric is the node network's first address and
/// node i its (i+1)th; node i's pods take addresses from block i of the pod range (block 0 is left unused so that
/// node-1 holds 10.244.1.0/24 by default); world hosts take the world range from .10 on.
/// </summary>
public sealed class AddressPlan(LabConfig config)
{
    /// <summary>The fabric's address (the nodes' default gateway).</summary>
    public IPAddress Fabric => Offset(config.NodeCidr.BaseAddress, 1);

    /// <summary>The node network's prefix length.</summary>
    public int NodePrefixLength => config.NodeCidr.PrefixLength;

    /// <summary>The address of node <paramref name="index"/> (1-based).</summary>
    public IPAddress Node(int index) => Offset(config.NodeCidr.BaseAddress, 1 + index);

    /// <summary>The prefix length of one node's pod block.</summary>
    public int BlockPrefixLength => Math.Max(24, config.PodCidr.PrefixLength + BitLength(config.Nodes + 1));

    /// <summary>Node <paramref name="index"/>'s (1-based) block of pod addresses.</summary>
    public IPNetwork PodBlock(int index) => new(Offset(config.PodCidr.BaseAddress, (long)index << (32 - BlockPrefixLength)), BlockPrefixLength);

    /// <summary>The pod addresses of a block, first to last (its network and broadcast addresses excluded).</summary>
    public static IEnumerable<IPAddress> Hosts(IPNetwork block)
    {
        var size = 1L << (32 - block.PrefixLength);
        for (long i = 1; i < size - 1; i++) yield return Offset(block.BaseAddress, i);
    }

    /// <summary>The default address of the <paramref name="ordinal"/>th (0-based) world host.</summary>
    public IPAddress World(int ordinal) => Offset(config.WorldCidr.BaseAddress, 10 + ordinal);

    /// <summary>The address <paramref name="offset"/> past <paramref name="address"/>.</summary>
    public static IPAddress Offset(IPAddress address, long offset)
    {
        var bytes = address.GetAddressBytes();
        var value = (uint)((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]);
        var result = (uint)(value + offset);
        return new IPAddress([(byte)(result >> 24), (byte)(result >> 16), (byte)(result >> 8), (byte)result]);
    }

    private static int BitLength(int value) => 32 - BitOperations.LeadingZeroCount((uint)value - 1);
}
