using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Palisade.Lab.Dns;
using Palisade.Lab.Model;

namespace Palisade.Lab.Tests.Dns;

/// <summary>The answer to one query, decided in process: header fields, sections and the refusals a wire test cannot easily send.</summary>
public sealed class DnsResponderTests
{
    private static readonly DnsZoneIndex Zone = new(StarWarsZone.Snapshot, 42);

    [Fact]
    public void Respond_AnyQuery_CopiesIdQuestionAndRdAndNeverSetsRa()
    {
        var query = Query("DeathStar.default.svc.cluster.local", RecordType.A);
        var response = DnsResponder.Respond(query, Zone);
        Assert.Equal(0xBEEF, response.TransactionID);
        Assert.True(response.IsRecursionDesired);
        Assert.False(response.IsRecursionAllowed);
        Assert.False(response.IsQuery);
        Assert.Equal("DeathStar.default.svc.cluster.local.", Assert.Single(response.Questions).Name.ToString());
        Assert.Equal("DeathStar.default.svc.cluster.local.", Assert.Single(response.AnswerRecords).Name.ToString());
    }

    [Fact]
    public void Respond_ClusterNxDomain_CarriesTheSoaWithTheIndexSerial()
    {
        var response = DnsResponder.Respond(Query("xwing.default.svc.cluster.local", RecordType.A), Zone);
        Assert.Equal(ReturnCode.NxDomain, response.ReturnCode);
        Assert.True(response.IsAuthoritiveAnswer);
        var soa = Assert.IsType<SoaRecord>(Assert.Single(response.AuthorityRecords));
        Assert.Equal((42u, 5, 5), (soa.SerialNumber, soa.TimeToLive, soa.NegativeCachingTTL));
    }

    [Fact]
    public void Respond_SoaOfTheClusterDomain_AnswersTheSoa()
    {
        var response = DnsResponder.Respond(Query("cluster.local", RecordType.Soa), Zone);
        Assert.Equal(RecordType.Soa, Assert.Single(response.AnswerRecords).RecordType);
    }

    [Fact]
    public void Respond_WorldHost_IsNotAuthoritative()
    {
        var response = DnsResponder.Respond(Query("api.twitter.com", RecordType.A), Zone);
        Assert.False(response.IsAuthoritiveAnswer);
        Assert.Equal(StarWarsZone.Twitter, Assert.IsType<ARecord>(Assert.Single(response.AnswerRecords)).Address);
        Assert.Empty(response.AuthorityRecords);
    }

    [Fact]
    public void Respond_TwoQuestions_IsFormatError()
    {
        var query = Query("deathstar.default.svc.cluster.local", RecordType.A);
        query.Questions.Add(new DnsQuestion(DomainName.Parse("api.twitter.com"), RecordType.A, RecordClass.INet));
        Assert.Equal(ReturnCode.FormatError, DnsResponder.Respond(query, Zone).ReturnCode);
    }

    [Fact]
    public void Respond_ChaosClass_IsRefused()
    {
        var query = new DnsMessage { TransactionID = 1 };
        query.Questions.Add(new DnsQuestion(DomainName.Parse("version.bind"), RecordType.Txt, RecordClass.Chaos));
        Assert.Equal(ReturnCode.Refused, DnsResponder.Respond(query, Zone).ReturnCode);
    }

    [Fact]
    public void Respond_Notify_IsNotImplemented()
    {
        var query = Query("cluster.local", RecordType.Soa);
        query.OperationCode = OperationCode.Notify;
        Assert.Equal(ReturnCode.NotImplemented, DnsResponder.Respond(query, Zone).ReturnCode);
    }

    [Fact]
    public void Respond_IPv6WorldHost_AnswersAaaaAndNoA()
    {
        var zone = new DnsZoneIndex(new DnsZoneSnapshot { ExternalHosts = [new ExternalHost(["v6.example"], IPAddress.Parse("fd00::10"), "world-v6")] }, 1);
        Assert.IsType<AaaaRecord>(Assert.Single(DnsResponder.Respond(Query("v6.example", RecordType.Aaaa), zone).AnswerRecords));
        Assert.Empty(DnsResponder.Respond(Query("v6.example", RecordType.A), zone).AnswerRecords);
    }

    [Fact]
    public void DnsZoneIndex_TwoWorldHostsWithOneName_SaysWhichHostsAndName()
    {
        var snapshot = new DnsZoneSnapshot
        {
            ExternalHosts =
            [
                new ExternalHost(["api.twitter.com"], StarWarsZone.Twitter, "world-a"),
                new ExternalHost(["API.twitter.com."], IPAddress.Parse("10.99.200.11"), "world-b"),
            ],
        };
        var e = Assert.Throws<LabException>(() => new DnsZoneIndex(snapshot, 1));
        Assert.Contains("world-a", e.Message);
        Assert.Contains("world-b", e.Message);
        Assert.Contains("api.twitter.com", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DnsZoneIndex_EmptyClusterDomain_AsksForOne()
    {
        var e = Assert.Throws<LabException>(() => new DnsZoneIndex(new DnsZoneSnapshot { ClusterDomain = "." }, 1));
        Assert.Contains("cluster domain", e.Message);
    }

    private static DnsMessage Query(string name, RecordType type)
    {
        var query = new DnsMessage { TransactionID = 0xBEEF, IsRecursionDesired = true };
        query.Questions.Add(new DnsQuestion(DomainName.Parse(name), type, RecordClass.INet));
        return query;
    }
}
