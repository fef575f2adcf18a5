using Palisade.Engine.Identities;
using Palisade.Policy.Net;

namespace Palisade.Engine.Ir;

/// <summary>Whom a rule's peer matches. Every dialect lowers its peers into these forms.</summary>
public abstract record IrPeer;

/// <summary>Managed endpoints selected by labels.</summary>
public sealed record EndpointsPeer(EndpointSelector Selector) : IrPeer;

/// <summary>Any address inside <see cref="Cidr"/> but in none of <see cref="Except"/>; pods included unless the dialect says otherwise.</summary>
public sealed record CidrPeer(Cidr Cidr, IReadOnlyList<Cidr> Except, bool MatchesClusterEndpoints) : IrPeer
{
    /// <summary>True when <paramref name="address"/> is inside the block and outside every exception.</summary>
    public bool Contains(IpAddressValue address) => Cidr.Contains(address) && !Except.Any(e => e.Contains(address));

    /// <summary>A value key (records with lists compare by reference).</summary>
    public string Key => $"{Cidr}!{string.Join(",", Except)}!{MatchesClusterEndpoints}";
}

/// <summary>A reserved identity (Cilium entities: host, world, remote-node, ...).</summary>
public sealed record EntityPeer(ReservedIdentity Entity) : IrPeer;

/// <summary>Nodes (their host or remote-node identity) whose labels match (Cilium fromNodes/toNodes).</summary>
public sealed record NodesPeer(Labels.LabelSelector Nodes) : IrPeer;

/// <summary>Addresses learned for DNS names matching a pattern (Cilium toFQDNs).</summary>
public sealed record FqdnPeer(L7.DnsNamePattern Pattern) : IrPeer
{
    /// <inheritdoc/>
    public override string ToString() => Pattern.ToString();
}
