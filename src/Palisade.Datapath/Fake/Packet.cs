using System.Net;
using System.Net.Sockets;
using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Fake;

/// <summary>
/// A packet for the tracer: its layer-3 family (<see cref="NftFamily.Ip"/>, IPv4: the only one modelled; both ip and
/// inet tables see it), interfaces (null when the hook has none), addresses, transport protocol and ports (0 for
/// protocols without ports), conntrack state, and the packet and connection marks it arrives with.
/// </summary>
public sealed record Packet(
    NftFamily Family,
    string? Iif,
    string? Oif,
    IPAddress Saddr,
    IPAddress Daddr,
    ProtocolType L4Proto,
    int Sport,
    int Dport,
    NftCtState CtState,
    uint Mark = 0,
    uint CtMark = 0)
{
    /// <summary>The first packet of a new TCP connection being forwarded from <paramref name="iif"/> to <paramref name="oif"/>.</summary>
    public static Packet TcpSyn(string? iif, string? oif, IPAddress saddr, IPAddress daddr, int dport, int sport = 40000) =>
        new(NftFamily.Ip, iif, oif, saddr, daddr, ProtocolType.Tcp, sport, dport, NftCtState.New);
}
