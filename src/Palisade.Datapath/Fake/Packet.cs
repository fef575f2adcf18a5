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

    /// <summary>A new UDP flow's first datagram being forwarded from <paramref name="iif"/> to <paramref name="oif"/>.</summary>
    public static Packet UdpNew(string? iif, string? oif, IPAddress saddr, IPAddress daddr, int dport, int sport = 40000) =>
        new(NftFamily.Ip, iif, oif, saddr, daddr, ProtocolType.Udp, sport, dport, NftCtState.New);

    /// <summary>
    /// An ICMP message of <paramref name="type"/> and <paramref name="code"/> starting a new flow. The transport header's
    /// first 16 bits (what <c>th sport</c> reads) are type · code; the next 16 (<c>th dport</c>) are the checksum.
    /// </summary>
    public static Packet Icmp(string? iif, string? oif, IPAddress saddr, IPAddress daddr, int type, int code = 0, int checksum = 0x1234) =>
        new(NftFamily.Ip, iif, oif, saddr, daddr, ProtocolType.Icmp, (type << 8) | code, checksum, NftCtState.New);
}
