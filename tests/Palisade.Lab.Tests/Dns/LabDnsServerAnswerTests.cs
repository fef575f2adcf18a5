namespace Palisade.Lab.Tests.Dns;

/// <summary>Every kind of answer, asked with dig from a pod namespace of a server in its own namespace.</summary>
[Trait("Requires", "root")]
public sealed class LabDnsServerAnswerTests(StarWarsDnsFixture fixture) : IClassFixture<StarWarsDnsFixture>
{
    private DnsTestLab Lab => fixture.Lab;

    [Fact]
    public async Task Query_ServiceName_AnswersClusterIpAuthoritativelyWithTtl5()
    {
        var dig = await Lab.DigAsync("deathstar.default.svc.cluster.local", "A");
        Assert.Equal("NOERROR", dig.Status);
        var record = Assert.Single(dig.Answer);
        Assert.Equal(new DigRecord("deathstar.default.svc.cluster.local.", 5, "A", "10.96.0.10"), record);
        Assert.Contains("aa", dig.Flags);
        Assert.DoesNotContain("ra", dig.Flags);
    }

    [Fact]
    public async Task Query_HeadlessService_AnswersOneAPerReadyEndpoint()
    {
        var dig = await Lab.DigAsync("deathstar-peers.default.svc.cluster.local", "A");
        Assert.Equal(["10.0.1.5", "10.0.1.6"], dig.AnswerData("A").Order());
        Assert.All(dig.Answer, r => Assert.Equal(5, r.Ttl));
    }

    [Fact]
    public async Task Query_HeadlessServiceWithoutReadyEndpoints_IsNxDomain()
    {
        var dig = await Lab.DigAsync("nobody-home.default.svc.cluster.local", "A");
        Assert.Equal("NXDOMAIN", dig.Status);
    }

    [Fact]
    public async Task Query_EndpointNameOfHeadlessService_AnswersThatEndpoint()
    {
        var dig = await Lab.DigAsync("10-0-1-6.deathstar-peers.default.svc.cluster.local", "A");
        Assert.Equal(["10.0.1.6"], dig.AnswerData("A"));
    }

    [Fact]
    public async Task Query_PodNameOfAPodInThatNamespace_AnswersItsAddress()
    {
        var dig = await Lab.DigAsync("10-0-1-7.default.pod.cluster.local", "A");
        Assert.Equal(["10.0.1.7"], dig.AnswerData("A"));
    }

    [Theory]
    [InlineData("10-0-2-5.default.pod.cluster.local")]    // the spy's address, but the spy lives in "empire"
    [InlineData("10-0-1-99.default.pod.cluster.local")]   // no pod has it
    [InlineData("010-0-1-7.default.pod.cluster.local")]   // not the canonical spelling
    public async Task Query_PodNameNoPodOfThatNamespaceHas_IsNxDomain(string name)
    {
        var dig = await Lab.DigAsync(name, "A");
        Assert.Equal("NXDOMAIN", dig.Status);
    }

    [Fact]
    public async Task Query_SrvOfNamedPort_AnswersPortAndServiceTargetWithItsAddress()
    {
        var dig = await Lab.DigAsync("_http._tcp.deathstar.default.svc.cluster.local", "SRV");
        Assert.Equal(["0 100 80 deathstar.default.svc.cluster.local."], dig.AnswerData("SRV"));
        Assert.Contains(new DigRecord("deathstar.default.svc.cluster.local.", 5, "A", "10.96.0.10"), dig.Additional);
    }

    [Fact]
    public async Task Query_SrvOfHeadlessService_AnswersOneTargetPerEndpoint()
    {
        var dig = await Lab.DigAsync("_http._tcp.deathstar-peers.default.svc.cluster.local", "SRV");
        Assert.Equal(
            ["0 50 80 10-0-1-5.deathstar-peers.default.svc.cluster.local.", "0 50 80 10-0-1-6.deathstar-peers.default.svc.cluster.local."],
            dig.AnswerData("SRV").Order());
        Assert.Contains(new DigRecord("10-0-1-5.deathstar-peers.default.svc.cluster.local.", 5, "A", "10.0.1.5"), dig.Additional);
    }

    [Theory]
    [InlineData("_http._udp.deathstar.default.svc.cluster.local")]
    [InlineData("_grpc._tcp.deathstar.default.svc.cluster.local")]
    public async Task Query_SrvOfNoNamedPort_IsNxDomain(string name)
    {
        var dig = await Lab.DigAsync(name, "SRV");
        Assert.Equal("NXDOMAIN", dig.Status);
    }

    [Theory]
    [InlineData("default.svc.cluster.local")]
    [InlineData("empire.svc.cluster.local")]
    [InlineData("empire.pod.cluster.local")]
    [InlineData("svc.cluster.local")]
    public async Task Query_ExistingNamespaceOrEmptyName_IsNoErrorWithoutAnswer(string name)
    {
        var dig = await Lab.DigAsync(name, "A");
        Assert.Equal("NOERROR", dig.Status);
        Assert.Empty(dig.Answer);
    }

    [Theory]
    [InlineData("rebels.svc.cluster.local")]
    [InlineData("xwing.default.svc.cluster.local")]
    [InlineData("a.b.c.d.e.f.cluster.local")]
    public async Task Query_UnknownClusterName_IsNxDomainWithTheZoneSoa(string name)
    {
        var dig = await Lab.DigAsync(name, "A");
        Assert.Equal("NXDOMAIN", dig.Status);
        Assert.Contains("aa", dig.Flags);
        var soa = Assert.Single(dig.Authority);
        Assert.Equal(("cluster.local.", "SOA"), (soa.Name, soa.Type));
        Assert.StartsWith("ns.dns.cluster.local. hostmaster.cluster.local. ", soa.Data);
        Assert.EndsWith(" 7200 1800 86400 5", soa.Data);
    }

    [Theory]
    [InlineData("api.twitter.com")]
    [InlineData("API.Twitter.COM.")]
    [InlineData("twitter.com")]
    public async Task Query_WorldHostName_AnswersItsAddressWithTtl30(string name)
    {
        var dig = await Lab.DigAsync(name, "A");
        var record = Assert.Single(dig.Answer);
        Assert.Equal((30, "A", "10.99.200.10"), (record.Ttl, record.Type, record.Data));
    }

    [Fact]
    public async Task Query_WorldHostAaaa_IsNoErrorWithoutAnswer()
    {
        var dig = await Lab.DigAsync("api.twitter.com", "AAAA");
        Assert.Equal("NOERROR", dig.Status);
        Assert.Empty(dig.Answer);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("deathstar")]
    [InlineData("cluster.local.example.com")]
    public async Task Query_NameOutsideClusterAndWorld_IsNxDomainWithoutAuthority(string name)
    {
        var dig = await Lab.DigAsync(name, "A");
        Assert.Equal("NXDOMAIN", dig.Status);
        Assert.DoesNotContain("aa", dig.Flags);
        Assert.DoesNotContain("ra", dig.Flags);
    }

    [Theory]
    [InlineData("AAAA")]
    [InlineData("TXT")]
    [InlineData("MX")]
    public async Task Query_OtherTypeOfAService_IsNoErrorWithoutAnswer(string type)
    {
        var dig = await Lab.DigAsync("deathstar.default.svc.cluster.local", type);
        Assert.Equal("NOERROR", dig.Status);
        Assert.Empty(dig.Answer);
        Assert.Equal("SOA", Assert.Single(dig.Authority).Type);
    }

    [Fact]
    public async Task Query_Any_AnswersTheAddress()
    {
        var dig = await Lab.DigAsync("deathstar.default.svc.cluster.local", "ANY");
        Assert.Equal(["10.96.0.10"], dig.AnswerData("A"));
    }

    [Theory]
    [InlineData("DeathStar.Default.SVC.Cluster.Local")]
    [InlineData("deathstar.default.svc.cluster.local.")]
    public async Task Query_AnyCaseWithOrWithoutTrailingDot_Matches(string name)
    {
        var dig = await Lab.DigAsync(name, "A");
        Assert.Equal(["10.96.0.10"], dig.AnswerData("A"));
    }

    [Fact]
    public async Task Query_OverTcp_Answers()
    {
        var dig = await Lab.DigAsync("+tcp", "deathstar.default.svc.cluster.local", "A");
        Assert.Equal(["10.96.0.10"], dig.AnswerData("A"));
    }
}
