using System.Collections;
using System.Runtime.CompilerServices;
using Palisade.Engine.Identities;
using Palisade.Engine.Ir;

namespace Palisade.Engine.Resolution;

/// <summary>
/// The peers of one rule, resolved: the union of the identities its selectors select, the CIDR peers it names
/// (by index), and its entities. A rule without peers matches everyone.
/// </summary>
internal sealed class RulePeerMatcher
{
    private readonly BitArray? _identities;
    private readonly (int Index, CidrPeer Peer)[] _cidrs;
    private readonly ReservedIdentity[] _entities;
    private readonly bool _any;

    public RulePeerMatcher(IReadOnlyList<IrPeer>? peers, SelectorCache selectors, CidrIndex cidrs, int identityCount)
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
        _entities = [.. (peers ?? []).OfType<EntityPeer>().Select(e => e.Entity)];
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
            foreach (var (_, cidr) in _cidrs)
            {
                if (cidr.Contains(address)) return true;
            }
        }
        return peer.Reserved != ReservedIdentity.Unknown && Array.IndexOf(_entities, peer.Reserved) >= 0;
    }
}
