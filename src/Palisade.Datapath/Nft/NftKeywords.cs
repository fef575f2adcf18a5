using System.Collections.Frozen;

namespace Palisade.Datapath.Nft;

/// <summary>
/// The words nft 1.0.6 reads as keywords where a table, chain or set name should be, so they cannot be names: nft has
/// no quoted names. Measured, not guessed: every keyword of nft's scanner was tried as a table, chain, set and map
/// name and as a jump and lookup target against nft 1.0.6, and these are the ones it refused.
/// </summary>
internal static class NftKeywords
{
    /// <summary>The refused words.</summary>
    public static readonly FrozenSet<string> Reserved = FrozenSet.ToFrozenSet(
    [
        "accept", "add", "ah", "all", "and", "arp", "auto-merge", "bridge", "cgroup", "chain", "comment", "comp",
        "constant", "continue", "counter", "cpu", "create", "ct", "day", "dccp", "define", "delete", "describe",
        "device", "devices", "dnat", "drop", "dst", "dup", "dynamic", "ecn", "element", "elements", "eq", "esp",
        "ether", "exists", "expires", "export", "exthdr", "fib", "flags", "flow", "flowtable", "flush", "frag", "fwd",
        "gc-interval", "ge", "get", "goto", "gt", "handle", "hbh", "hook", "hour", "ibriport", "ibrname", "icmp",
        "icmpv6", "igmp", "iif", "iifgroup", "iifname", "iiftype", "import", "include", "index", "inet", "insert",
        "interval", "ip", "ip6", "ipsec", "jhash", "jump", "le", "limit", "list", "ll", "log", "lshift", "lt", "map",
        "mark", "masquerade", "meta", "meter", "mh", "missing", "monitor", "ne", "netdev", "nftrace", "nh", "not",
        "notrack", "numgen", "obriport", "obrname", "offload", "oif", "oifgroup", "oifname", "oiftype", "or", "osf",
        "pkttype", "policy", "position", "priority", "queue", "quota", "random", "redefine", "redirect", "reject",
        "rename", "replace", "reset", "return", "rshift", "rt", "rt0", "rt2", "rtclassid", "rule", "ruleset", "sctp",
        "secmark", "set", "size", "skgid", "skuid", "snat", "socket", "srh", "symhash", "synproxy", "table", "tcp",
        "th", "time", "timeout", "tproxy", "type", "typeof", "udp", "udplite", "undefine", "update", "vlan", "vmap",
        "xor", "xt",
    ], StringComparer.Ordinal);
}
