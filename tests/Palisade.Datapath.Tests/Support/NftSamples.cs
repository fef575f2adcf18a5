using Palisade.Datapath.Nft;
using static Palisade.Datapath.Nft.NftDataType;

namespace Palisade.Datapath.Tests.Support;

/// <summary>
/// The identity design of the data plane (see research/datapath.md): <c>meta mark</c> gets the source's identity,
/// <c>ct mark</c> the destination's, and one concatenated lookup decides. Client 10.77.1.2 is identity 1, server
/// 10.77.2.2 identity 2; identity 1 may reach identity 2 on tcp/7000; tcp/7001 is rejected; everything else is dropped.
/// </summary>
internal static class NftSamples
{
    public static readonly NftTable Table = new(NftFamily.Inet, "palisade");

    public static readonly NftChain Forward = new(Table, "forward", new NftHook(NftChainType.Filter, NftHookPoint.Forward, 0, NftPolicy.Drop));

    public static readonly NftChain PolicyChain = new(Table, "pol");

    public static readonly NftSet Identities = new(Table, "ip2id", NftKeyType.Of(Ipv4Addr), NftSetFlags.Interval, NftMapData.Mark);

    public static readonly NftSet AllowedIds = new(Table, "allowed-ids", NftKeyType.Of(Mark, Mark, InetProto, InetService));

    public static readonly NftSet Allowed = new(Table, "allowed", NftKeyType.Of(Ipv4Addr, InetProto, InetService), NftSetFlags.Interval);

    public static readonly NftSet Dispatch = new(Table, "dispatch", NftKeyType.Of(Ipv4Addr), data: NftMapData.Verdict);

    public static NftVerdictStatement Accept => new(NftVerdict.Accept);

    /// <summary>The table, both chains and both identity containers, with their rules and the elements described above.</summary>
    public static NftTransaction IdentityRuleset() => new NftTransaction()
        .AddTable(Table)
        .AddChain(Forward)
        .AddChain(PolicyChain)
        .AddSet(Identities)
        .AddSet(AllowedIds)
        .AddRule(Forward, NftMatch.Of(NftField.CtState, "established", "related"), Accept)
        .AddRule(Forward, new NftVerdictStatement(NftVerdict.Jump("pol")))
        .AddRule(PolicyChain, NftMarkSet.FromMap(NftMarkTarget.Meta, [NftField.IpSaddr], "ip2id"))
        .AddRule(PolicyChain, NftMarkSet.FromMap(NftMarkTarget.Ct, [NftField.IpDaddr], "ip2id"))
        .AddRule(PolicyChain, new NftRule([new NftLookup([NftField.MetaMark, NftField.CtMark, NftField.MetaL4Proto, NftField.ThDport], "allowed-ids"), new NftCounter(), Accept], "allowed by identity"))
        .AddRule(PolicyChain, new NftRule([NftMatch.Of(NftField.MetaL4Proto, "tcp"), NftMatch.Of(NftField.ThDport, "7001"), new NftLog("palisade reject ", 5), new NftVerdictStatement(NftVerdict.Reject)], "refused port"))
        .AddElements(Identities, "10.77.1.2 : 1", "10.77.2.2 : 2")
        .AddElements(AllowedIds, "1 . 2 . tcp . 7000");

    /// <summary>A transaction over what <paramref name="before"/> made.</summary>
    public static NftTransaction After(NftTransaction before) => new(before.Catalog);
}
