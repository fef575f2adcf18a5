using System.Collections;
using System.Runtime.CompilerServices;
using Palisade.Engine.Identities;
using Palisade.Engine.Ir;
using Palisade.Engine.Labels;
using Palisade.Policy.Net;

namespace Palisade.Engine.Resolution;

/// <summary>
/// The peers of one rule, resolved: the union of the identities its selectors select, the CIDR peers it names
/// (by index), its entities (reserved identities), its node selectors and the addresses its DNS names resolve to. A
/// rule without peers matches everyone; a rule with an empty peer list matches no one.
/// </summary>
internal sealed class RulePeerMatcher
{
    private readonly BitArray? _identities;
    private readonly (int Index, CidrPeer Peer)[] _cidrs;
    private readonly ReservedIdentity[] _entities;
    private readonly LabelSelector[] _nodes;
    private readonly HashSet<IpAddressValue>? _fqdnAddresses;
    private readonly bool _any;

    public RulePeerMatcher(IReadOnlyList<IrPeer>? peers, SelectorCache selectors, CidrIndex cidrs, int identityCount, Func<FqdnPeer, IEnumerable<IpAddressValue>>? fqdns = null)
    {
        _any = peers is null;
        var endpointPeers = (peers ?? []).OfType<EndpointsPeer>().ToList();
        if (endpointPeers.Count > 0)
        {
            _identities = new BitArray(identityCount);
            foreach (var p in endpointPeers)
            {
                foreach (var id in selectors.Get(p.Selector).Ids()) _identities[id - Identity.FirstClusterId] = true;
            }
        }
        _cidrs = [.. (peers ?? []).OfType<CidrPeer>().Select(c => (cidrs.IndexOf(c), c))];
        _entities = [.. (peers ?? []).OfType<EntityPeer>().Select(e => e.Entity).Distinct()];
        _nodes = [.. (peers ?? []).OfType<NodesPeer>().Select(n => n.Nodes)];
        var fqdnPeers = (peers ?? []).OfType<FqdnPeer>().ToList();
        if (fqdnPeers.Count > 0) _fqdnAddresses = [.. fqdnPeers.SelectMany(f => fqdns?.Invoke(f) ?? [])];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Matches(in PeerRef peer)
    {
        if (_any) return true;
        if (peer.Class is { } c)
        {
            if (_identities is not null && c.Identity is { } id && _identities[id.Id - Identity.FirstClusterId]) return true;
            foreach (var (index, _) in _cidrs)
            {
                if (c.CidrBits[index]) return true;
            }
        }
        else if (peer.Address is { } address)
        {
            if (MatchesAddress(peer, address)) return true;
        }
        return _entities.Length > 0 && MatchesEntity(peer);
    }

    private bool MatchesAddress(in PeerRef peer, IpAddressValue address)
    {
        foreach (var (_, cidr) in _cidrs)
        {
            // Cilium's CIDR rules match only what is outside the cluster: never a node (Kubernetes ipBlock does).
            if ((peer.Node is null || cidr.MatchesClusterEndpoints) && cidr.Contains(address)) return true;
        }
        if (peer.Node is { } node)
        {
            foreach (var selector in _nodes)
            {
                if (selector.Matches(node.Labels)) return true;
            }
            return false;
        }
        return _fqdnAddresses is not null && _fqdnAddresses.Contains(address);
    }

    private bool MatchesEntity(in PeerRef peer)
    {
        foreach (var entity in _entities)
        {
            var match = entity switch
            {
                ReservedIdentity.World => peer.Reserved is ReservedIdentity.World or ReservedIdentity.WorldIpv4 or ReservedIdentity.WorldIpv6,
                ReservedIdentity.WorldIpv4 => peer.Reserved == ReservedIdentity.WorldIpv4 || (peer.Reserved == ReservedIdentity.World && peer.Address is { IsV6: false }),
                ReservedIdentity.WorldIpv6 => peer.Reserved == ReservedIdentity.WorldIpv6 || (peer.Reserved == ReservedIdentity.World && peer.Address is { IsV6: true }),
                _ => peer.Reserved != ReservedIdentity.Unknown && peer.Reserved == entity,
            };
            if (match) return true;
        }
        return false;
    }
}
