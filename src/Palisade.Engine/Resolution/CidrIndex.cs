using Palisade.Engine.Ir;

namespace Palisade.Engine.Resolution;

/// <summary>Numbers the distinct CIDR peers of all policies, so endpoint classes can record membership as bits.</summary>
internal sealed class CidrIndex
{
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);
    private readonly List<CidrPeer> _peers = [];

    public CidrIndex(IEnumerable<IrPolicy> policies)
    {
        foreach (var peer in policies.SelectMany(p => p.Rules).SelectMany(r => r.Peers ?? []).OfType<CidrPeer>())
        {
            if (_byKey.TryAdd(peer.Key, _peers.Count)) _peers.Add(peer);
        }
    }

    public IReadOnlyList<CidrPeer> Peers => _peers;

    public int IndexOf(CidrPeer peer) => _byKey[peer.Key];
}
