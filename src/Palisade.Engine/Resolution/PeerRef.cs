using Palisade.Engine.Identities;
using Palisade.Policy.Net;

namespace Palisade.Engine.Resolution;

/// <summary>
/// The other side of a flow as rules see it: an endpoint class (a pod), or an address outside the cluster's pods
/// with the reserved identity it carries (world, host, remote-node) and, for a node's address, the node.
/// </summary>
public readonly record struct PeerRef(EndpointClass? Class, IpAddressValue? Address, ReservedIdentity Reserved, Cluster.NodeInfo? Node = null)
{
    /// <summary>A node's address, seen as the local host or as a remote node.</summary>
    public static PeerRef OfNode(Cluster.NodeInfo node, bool local) => new(null, node.Address, local ? ReservedIdentity.Host : ReservedIdentity.RemoteNode, node);

    /// <summary>A pod.</summary>
    public static PeerRef Of(EndpointClass c) => new(c, null, c.Identity is null ? ReservedIdentity.Host : ReservedIdentity.Unknown);

    /// <summary>An address that is not a pod's.</summary>
    public static PeerRef External(IpAddressValue address, ReservedIdentity reserved = ReservedIdentity.World) => new(null, address, reserved);
}
