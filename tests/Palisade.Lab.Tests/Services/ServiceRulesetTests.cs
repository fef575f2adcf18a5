using System.Net;
using System.Runtime.CompilerServices;
using Palisade.Lab.Model;
using Palisade.Lab.Services;
using Palisade.Lab.System;
using Palisade.Lab.Tests.Support;

namespace Palisade.Lab.Tests.Services;

public sealed class ServiceRulesetTests
{
    [Fact]
    public void Render_TwoServicesAndAHeadlessOne_MatchesTheGoldenText()
    {
        AssertGolden(ServiceSamples.Ruleset(ServiceSamples.B, ServiceSamples.C), "two-services.nft");
    }

    [Fact]
    public void Render_BackendsInAnyOrder_GivesTheSameText()
    {
        var backends = ServiceSamples.Services.SelectMany(s => ServiceEndpoints.Compute(s, [ServiceSamples.B, ServiceSamples.C], _ => true)).ToList();
        var reversed = Enumerable.Reverse(backends).ToList();
        Assert.Equal(ServiceRuleset.Render(ServiceSamples.Services, backends), ServiceRuleset.Render([.. ServiceSamples.Services.Reverse()], reversed));
    }

    [Fact]
    public void Render_HeadlessServiceOnly_HasNoServiceRules()
    {
        var backends = ServiceEndpoints.Compute(ServiceSamples.Headless, [ServiceSamples.B], _ => true);
        Assert.NotEmpty(backends);
        Assert.Equal(ServiceRuleset.Render([], []), ServiceRuleset.Render([ServiceSamples.Headless], backends));
        Assert.DoesNotContain("default/db", ServiceRuleset.Render([ServiceSamples.Headless], backends));
    }

    [Fact]
    public void Render_ServiceWithoutReadyBackends_IsInTheRejectSetAndNotInTheMap()
    {
        var text = ServiceSamples.Ruleset();
        Assert.Contains("\t\t\t10.96.0.20 . tcp . 80,\n", text);
        Assert.DoesNotContain("goto service-", text);
        Assert.DoesNotContain("chain endpoint-", text);
    }

    [Fact]
    public void Render_StartsByRemovingTheOldTableInTheSameFile()
    {
        Assert.StartsWith("table ip palisade-services {\n}\ndelete table ip palisade-services\ntable ip palisade-services {\n", ServiceSamples.Ruleset());
        Assert.Equal("table ip palisade-services {\n}\ndelete table ip palisade-services\n", ServiceRuleset.RenderDelete());
    }

    [Fact]
    public void ForEndpoint_NamesTheServicePortAndBackendAfterAHash()
    {
        var backend = new ServiceBackend("default/web", ServiceSamples.Http, IPAddress.Parse("10.244.1.3"), 8080, "default/b");
        var name = ServiceChainName.ForEndpoint(ServiceSamples.Web, backend);
        Assert.Matches("^endpoint-[A-Z2-7]{8}-default/web/tcp/http__10\\.244\\.1\\.3/8080$", name);
        Assert.NotEqual(name[9..17], ServiceChainName.ForEndpoint(ServiceSamples.Web, backend with { TargetPort = 8081 })[9..17]);
    }

    [Fact]
    public void ForService_UnnamedPort_UsesThePortNumber()
    {
        var service = new LabService("default", "db", IPAddress.Parse("10.96.0.40"), null, []);
        Assert.EndsWith("-default/db/sctp/5432", ServiceChainName.ForService(service, new LabServicePort(null, 5432, LabProtocol.Sctp, null)));
    }

    [Fact]
    public void Make_VeryLongName_IsCutToTheKernelLimitAndStaysUnique()
    {
        var first = ServiceChainName.Make("endpoint-", new string('a', 300) + "1");
        var second = ServiceChainName.Make("endpoint-", new string('a', 300) + "2");
        Assert.Equal(ServiceChainName.MaxLength, first.Length);
        Assert.EndsWith("...", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Make_CharacterNftRejects_IsReplaced()
    {
        Assert.EndsWith("-ns/we_b", ServiceChainName.Make("service-", "ns/we b"));
    }

    [Fact]
    [Trait("Requires", "root")]
    public async Task Render_TwoServices_IsAcceptedByNftCheck()
    {
        await using var nets = new TestNetworks();
        var netns = await nets.NamespaceAsync("check");
        var result = await ProcessRunner.RunAsync("ip", ["netns", "exec", netns, "nft", "-c", "-f", "-"], ServiceSamples.Ruleset(ServiceSamples.B, ServiceSamples.C));
        Assert.True(result.Succeeded, result.StandardError);
        var tables = await ProcessRunner.RunCheckedAsync("ip", ["netns", "exec", netns, "nft", "list", "tables"]);
        Assert.DoesNotContain("palisade-services", tables);
    }

    /// <summary>Compares with testdata/<paramref name="name"/> beside this file; PALISADE_UPDATE_GOLDEN=1 rewrites it instead (review the diff).</summary>
    private static void AssertGolden(string actual, string name, [CallerFilePath] string source = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(source)!, "testdata", name);
        if (Environment.GetEnvironmentVariable("PALISADE_UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
