namespace Palisade.Datapath.Nft;

/// <summary>The nft data types this layer handles; the first four can be set and map keys (alone or concatenated).</summary>
public enum NftDataType
{
    /// <summary><c>ipv4_addr</c>: an address, a prefix <c>10.0.0.0/8</c> or a range <c>10.0.0.1-10.0.0.9</c>.</summary>
    Ipv4Addr,

    /// <summary><c>inet_proto</c>: a transport protocol, by name (tcp, udp, sctp, icmp...) or number 0-255.</summary>
    InetProto,

    /// <summary><c>inet_service</c>: a port 0-65535 or a range <c>80-90</c>.</summary>
    InetService,

    /// <summary><c>mark</c>: a 32-bit packet or conntrack mark, decimal or <c>0x</c> hex, or a range.</summary>
    Mark,

    /// <summary><c>ct_state</c>: new, established, related, invalid, untracked (in matches only).</summary>
    CtState,

    /// <summary><c>ifname</c>: an interface name of up to 15 characters (in matches only).</summary>
    IfName,

    /// <summary><c>nf_proto</c>: the packet's family, ipv4 (2) or ipv6 (10) (in matches only).</summary>
    NfProto,
}
