namespace Palisade.Datapath.Nft;

/// <summary>How nft spells the enums of this layer, and the data type of each field.</summary>
internal static class NftSyntax
{
    public static string Of(NftFamily family) => family == NftFamily.Ip ? "ip" : "inet";

    public static string Of(NftChainType type) => type switch
    {
        NftChainType.Filter => "filter",
        NftChainType.Nat => "nat",
        _ => "route",
    };

    public static string Of(NftHookPoint hook) => hook.ToString().ToLowerInvariant();

    public static string Of(NftPolicy policy) => policy == NftPolicy.Accept ? "accept" : "drop";

    public static string Of(NftMapData data) => data == NftMapData.Verdict ? "verdict" : "mark";

    public static string Of(NftMarkTarget target) => target == NftMarkTarget.Meta ? "meta mark" : "ct mark";

    public static string Of(NftDataType type) => type switch
    {
        NftDataType.Ipv4Addr => "ipv4_addr",
        NftDataType.InetProto => "inet_proto",
        NftDataType.InetService => "inet_service",
        NftDataType.Mark => "mark",
        NftDataType.CtState => "ct_state",
        NftDataType.NfProto => "nf_proto",
        _ => "ifname",
    };

    public static string Of(NftField field) => field switch
    {
        NftField.CtState => "ct state",
        NftField.MetaL4Proto => "meta l4proto",
        NftField.IpSaddr => "ip saddr",
        NftField.IpDaddr => "ip daddr",
        NftField.ThSport => "th sport",
        NftField.ThDport => "th dport",
        NftField.IifName => "iifname",
        NftField.OifName => "oifname",
        NftField.MetaMark => "meta mark",
        NftField.MetaNfProto => "meta nfproto",
        _ => "ct mark",
    };

    public static string Of(NftSetFlags flags) => (flags & NftSetFlags.Constant, flags & NftSetFlags.Interval) switch
    {
        (NftSetFlags.Constant, NftSetFlags.Interval) => "constant,interval",
        (NftSetFlags.Constant, _) => "constant",
        (_, NftSetFlags.Interval) => "interval",
        _ => "",
    };

    /// <summary>The data type of a field's value.</summary>
    public static NftDataType TypeOf(NftField field) => field switch
    {
        NftField.CtState => NftDataType.CtState,
        NftField.MetaL4Proto => NftDataType.InetProto,
        NftField.IpSaddr or NftField.IpDaddr => NftDataType.Ipv4Addr,
        NftField.ThSport or NftField.ThDport => NftDataType.InetService,
        NftField.IifName or NftField.OifName => NftDataType.IfName,
        NftField.MetaNfProto => NftDataType.NfProto,
        _ => NftDataType.Mark,
    };

    /// <summary>The data type nft spells <paramref name="name"/>, or null.</summary>
    public static NftDataType? DataType(string name) =>
        Enum.GetValues<NftDataType>().Cast<NftDataType?>().FirstOrDefault(t => Of(t!.Value) == name);

    /// <summary>The hook nft spells <paramref name="name"/>, or null.</summary>
    public static NftHookPoint? HookPoint(string name) =>
        Enum.GetValues<NftHookPoint>().Cast<NftHookPoint?>().FirstOrDefault(h => Of(h!.Value) == name);

    /// <summary>The chain type nft spells <paramref name="name"/>, or null.</summary>
    public static NftChainType? ChainType(string name) =>
        Enum.GetValues<NftChainType>().Cast<NftChainType?>().FirstOrDefault(t => Of(t!.Value) == name);
}
