namespace Palisade.Datapath.Nft;

/// <summary>A packet field a rule can match, look up or (for the marks) write.</summary>
public enum NftField
{
    /// <summary><c>ct state</c> (ct_state).</summary>
    CtState,

    /// <summary><c>meta l4proto</c> (inet_proto).</summary>
    MetaL4Proto,

    /// <summary><c>ip saddr</c> (ipv4_addr).</summary>
    IpSaddr,

    /// <summary><c>ip daddr</c> (ipv4_addr).</summary>
    IpDaddr,

    /// <summary><c>th sport</c> (inet_service): the transport header's source port, whatever the protocol.</summary>
    ThSport,

    /// <summary><c>th dport</c> (inet_service).</summary>
    ThDport,

    /// <summary><c>iifname</c> (ifname).</summary>
    IifName,

    /// <summary><c>oifname</c> (ifname).</summary>
    OifName,

    /// <summary><c>meta mark</c> (mark).</summary>
    MetaMark,

    /// <summary><c>ct mark</c> (mark).</summary>
    CtMark,

    /// <summary><c>meta nfproto</c> (nf_proto): the packet's family in an inet table.</summary>
    MetaNfProto,
}
