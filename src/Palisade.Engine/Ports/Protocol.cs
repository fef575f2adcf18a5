namespace Palisade.Engine.Ports;

/// <summary>IP protocols by their IANA numbers.</summary>
public enum Protocol : byte
{
    Icmp = 1,
    Tcp = 6,
    Udp = 17,
    IcmpV6 = 58,
    Sctp = 132,
}
