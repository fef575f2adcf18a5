using System.Net;
using System.Net.Sockets;
using Palisade.Datapath.Fake;
using Palisade.Datapath.Nft;
using static Palisade.Datapath.Tests.Support.NftSamples;

namespace Palisade.Datapath.Tests.Fake;

public sealed class NftTracerTests
{
    private static readonly IPAddress Client = IPAddress.Parse("10.77.1.2");
    private static readonly IPAddress Server = IPAddress.Parse("10.77.2.2");

    private static FakeNftables Loaded(NftTransaction transaction)
    {
        var fake = new FakeNftables();
        fake.Apply(transaction);
        return fake;
    }

    private static Packet Syn(IPAddress from, IPAddress to, int port) => Packet.TcpSyn("eth-a", "eth-b", from, to, port);

    [Fact]
    public void Trace_AllowedIdentityPair_AcceptsAndExplainsWhy()
    {
        var trace = Loaded(IdentityRuleset()).Trace(Syn(Client, Server, 7000));
        Assert.Equal(NftVerdictKind.Accept, trace.Verdict);
        Assert.Equal(["inet palisade forward rule 1", "inet palisade pol rule 0", "inet palisade pol rule 1", "inet palisade pol rule 2"],
            trace.Hits.Select(h => $"{h.Chain} rule {h.Index}"));
        Assert.Equal("allowed by identity", trace.DecidingRule!.Rule.Comment);
        Assert.Equal((1u, 2u), (trace.Mark, trace.CtMark));
    }

    [Fact]
    public void Trace_RefusedPort_RejectsByItsRule()
    {
        var trace = Loaded(IdentityRuleset()).Trace(Syn(Client, Server, 7001));
        Assert.Equal(NftVerdictKind.Reject, trace.Verdict);
        Assert.Equal("refused port", trace.DecidingRule!.Rule.Comment);
    }

    [Fact]
    public void Trace_PortNoRuleAllows_IsDroppedByThePolicy()
    {
        var trace = Loaded(IdentityRuleset()).Trace(Syn(Client, Server, 7002));
        Assert.Equal(NftVerdictKind.Drop, trace.Verdict);
        Assert.Equal(Forward, trace.DecidingPolicy);
        Assert.Null(trace.DecidingRule);
    }

    [Fact]
    public void Trace_ReplyOfAnEstablishedConnection_IsAcceptedByTheFirstRule()
    {
        var reply = new Packet(NftFamily.Ip, "eth-b", "eth-a", Server, Client, ProtocolType.Tcp, 7000, 40000, NftCtState.Established);
        var trace = Loaded(IdentityRuleset()).Trace(reply);
        Assert.Equal(NftVerdictKind.Accept, trace.Verdict);
        Assert.Equal(0, Assert.Single(trace.Hits).Index);
    }

    [Fact]
    public void Trace_SourceNotInTheMarkMap_StopsThatRuleAndLeavesTheMark()
    {
        var trace = Loaded(IdentityRuleset()).Trace(Syn(IPAddress.Parse("10.77.9.9"), Server, 7000));
        Assert.Equal(NftVerdictKind.Drop, trace.Verdict);
        Assert.DoesNotContain(trace.Hits, h => h.Chain == PolicyChain && h.Index == 0);
        Assert.Equal((0u, 2u), (trace.Mark, trace.CtMark));
    }

    [Fact]
    public void Trace_BaseChainsOfOneHook_RunInPriorityOrderAndAnAcceptOnlyEndsItsOwnChain()
    {
        var late = new NftChain(Table, "late", new NftHook(NftChainType.Filter, NftHookPoint.Forward, 10));
        var early = new NftChain(Table, "early", new NftHook(NftChainType.Filter, NftHookPoint.Forward, -10));
        var fake = Loaded(new NftTransaction().AddTable(Table).AddChain(late).AddChain(early)
            .AddRule(late, new NftVerdictStatement(NftVerdict.Drop)).AddRule(early, Accept));
        var trace = fake.Trace(Syn(Client, Server, 80));
        Assert.Equal(NftVerdictKind.Drop, trace.Verdict);
        Assert.Equal(["early", "late"], trace.Hits.Select(h => h.Chain.Name));
    }

    [Fact]
    public void Trace_NoBaseChainOnTheHook_Accepts() =>
        Assert.Equal(NftVerdictKind.Accept, Loaded(IdentityRuleset()).Trace(Syn(Client, Server, 7002), NftHookPoint.Input).Verdict);

    [Fact]
    public void Trace_JumpThenReturn_ComesBackToTheNextRule()
    {
        var (transaction, main, sub) = TwoChains(NftPolicy.Accept);
        transaction.AddRule(main, new NftVerdictStatement(NftVerdict.Jump("sub")))
            .AddRule(main, NftMatch.Of(NftField.MetaMark, "1"), new NftVerdictStatement(NftVerdict.Drop))
            .AddRule(sub, NftMarkSet.To(NftMarkTarget.Meta, 1))
            .AddRule(sub, new NftVerdictStatement(NftVerdict.Return))
            .AddRule(sub, NftMarkSet.To(NftMarkTarget.Meta, 5));
        var trace = Loaded(transaction).Trace(Syn(Client, Server, 80));
        Assert.Equal(NftVerdictKind.Drop, trace.Verdict);
        Assert.Equal(["main 0", "sub 0", "sub 1", "main 1"], trace.Hits.Select(h => $"{h.Chain.Name} {h.Index}"));
        Assert.Equal(1u, trace.Mark);
    }

    [Fact]
    public void Trace_GotoFromTheBaseChain_NeverComesBackAndEndsInItsPolicy()
    {
        var (transaction, main, sub) = TwoChains(NftPolicy.Accept);
        transaction.AddRule(main, new NftVerdictStatement(NftVerdict.Goto("sub")))
            .AddRule(main, new NftVerdictStatement(NftVerdict.Drop))
            .AddRule(sub, NftMarkSet.To(NftMarkTarget.Ct, 7));
        var trace = Loaded(transaction).Trace(Syn(Client, Server, 80));
        Assert.Equal((NftVerdictKind.Accept, "main"), (trace.Verdict, trace.DecidingPolicy!.Name));
        Assert.Equal(7u, trace.CtMark);
    }

    [Fact]
    public void Trace_ReturnInTheBaseChain_EndsInItsPolicy()
    {
        var (transaction, main, _) = TwoChains(NftPolicy.Drop);
        transaction.AddRule(main, new NftVerdictStatement(NftVerdict.Return)).AddRule(main, Accept);
        var trace = Loaded(transaction).Trace(Syn(Client, Server, 80));
        Assert.Equal((NftVerdictKind.Drop, "main"), (trace.Verdict, trace.DecidingPolicy!.Name));
    }

    [Theory]
    [InlineData("10.0.0.77", NftVerdictKind.Accept)]
    [InlineData("10.0.1.5", NftVerdictKind.Drop)]
    [InlineData("10.0.2.1", NftVerdictKind.Reject)]
    [InlineData("10.0.3.1", NftVerdictKind.Reject)]
    public void Trace_VerdictMapOfPrefixes_TakesTheCoveringElementOrGoesOnToTheNextRule(string destination, NftVerdictKind expected)
    {
        var (transaction, main, sub) = TwoChains(NftPolicy.Accept);
        var dispatch = new NftSet(Table, "dispatch", NftKeyType.Of(NftDataType.Ipv4Addr), NftSetFlags.Interval, NftMapData.Verdict);
        transaction.AddSet(dispatch).AddElements(dispatch, "10.0.0.0/24 : jump sub", "10.0.1.0/24 : drop", "10.0.3.0/24 : continue")
            .AddRule(main, new NftVerdictMap([NftField.IpDaddr], "dispatch"))
            .AddRule(main, new NftVerdictStatement(NftVerdict.Reject))
            .AddRule(sub, Accept);
        Assert.Equal(expected, Loaded(transaction).Trace(Syn(Client, IPAddress.Parse(destination), 80)).Verdict);
    }

    [Theory]
    [InlineData("10.3.4.5", ProtocolType.Tcp, 1500, true)]
    [InlineData("10.255.255.255", ProtocolType.Tcp, 2000, true)]
    [InlineData("10.3.4.5", ProtocolType.Tcp, 999, false)]
    [InlineData("10.3.4.5", ProtocolType.Udp, 1500, false)]
    [InlineData("11.0.0.0", ProtocolType.Tcp, 1000, false)]
    public void Trace_ConcatenatedIntervalLookup_MatchesEveryPartsRange(string source, ProtocolType protocol, int port, bool allowed)
    {
        var (transaction, main, _) = TwoChains(NftPolicy.Drop);
        transaction.AddSet(Allowed).AddElements(Allowed, "10.0.0.0/8 . tcp . 1000-2000")
            .AddRule(main, new NftLookup([NftField.IpSaddr, NftField.MetaL4Proto, NftField.ThDport], "allowed"), Accept);
        var packet = new Packet(NftFamily.Ip, null, null, IPAddress.Parse(source), Server, protocol, 5000, port, NftCtState.New);
        Assert.Equal(allowed, Loaded(transaction).Trace(packet).Verdict == NftVerdictKind.Accept);
    }

    [Theory]
    [InlineData("eth-a", "10.9.9.9", NftVerdictKind.Accept)]
    [InlineData("eth-a", "10.77.1.2", NftVerdictKind.Drop)]
    [InlineData("eth-c", "10.9.9.9", NftVerdictKind.Drop)]
    public void Trace_InterfaceMatchAndNegatedLookup_BothMustHold(string iif, string source, NftVerdictKind expected)
    {
        var (transaction, main, _) = TwoChains(NftPolicy.Drop);
        var blocked = new NftSet(Table, "blocked", NftKeyType.Of(NftDataType.Ipv4Addr));
        transaction.AddSet(blocked).AddElements(blocked, "10.77.1.2")
            .AddRule(main, NftMatch.Of(NftField.IifName, "eth-a"), new NftLookup([NftField.IpSaddr], "blocked", negated: true), Accept);
        var packet = Packet.TcpSyn(iif, "eth-b", IPAddress.Parse(source), Server, 80);
        Assert.Equal(expected, Loaded(transaction).Trace(packet).Verdict);
    }

    [Fact]
    public void Trace_Ipv6FamilyPacket_IsRefused() =>
        Assert.Throws<NftException>(() => new FakeNftables().Trace(Syn(Client, Server, 80) with { Family = NftFamily.Inet }));

    private static (NftTransaction Transaction, NftChain Main, NftChain Sub) TwoChains(NftPolicy policy)
    {
        var main = new NftChain(Table, "main", new NftHook(NftChainType.Filter, NftHookPoint.Forward, 0, policy));
        var sub = new NftChain(Table, "sub");
        return (new NftTransaction().AddTable(Table).AddChain(main).AddChain(sub), main, sub);
    }
}
