using Palisade.Policy.Binding;
using Palisade.Policy.Cilium;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Tests.Cilium;

/// <summary>The Cilium star wars examples (shared/fixtures/real-world/cilium-starwars) bind and validate cleanly.</summary>
public class StarWarsFixtureTests
{
    public static TheoryData<string, int> Files => new()
    {
        { "sw_l3_l4_policy.yaml", 1 },
        { "sw_l3_l4_l7_policy.yaml", 1 },
        { "sw_deny_policy.yaml", 1 },
        { "dns-matchname.yaml", 1 },
        { "dns-pattern.yaml", 1 },
        { "dns-port.yaml", 1 },
        { "http-sw-app.yaml", 0 },
        { "dns-sw-app.yaml", 0 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryFixture_BindsAndValidatesWithoutProblems(string file, int ciliumPolicies)
    {
        var bag = new DiagnosticBag();
        var documents = YamlReader.Read(file, File.ReadAllText(Path.Combine(SharedFixtures.StarWars, file)), bag);
        Assert.Empty(bag.Items);
        var policies = documents.Where(d => CiliumTestKit.KindOf(d) is "CiliumNetworkPolicy" or "CiliumClusterwideNetworkPolicy").ToList();

        Assert.Equal(ciliumPolicies, policies.Count);
        foreach (var document in policies) CiliumTestKit.Check(document, new DiagnosticBag()).AssertClean();
    }

    [Fact]
    public void TheFixtureFolder_HoldsNoUntestedFile() =>
        Assert.Equal(Files.Select(row => (string)row[0]).Order(), Directory.GetFiles(SharedFixtures.StarWars, "*.yaml").Select(Path.GetFileName).Order()!);

    [Fact]
    public void Rule1_L3L4_AllowsEmpireShipsOnPort80()
    {
        var rule = Load("sw_l3_l4_policy.yaml").Spec!;

        Assert.Equal("L3-L4 policy to restrict deathstar access to empire ships only", rule.Description);
        Assert.Equal(new Dictionary<string, string> { ["org"] = "empire", ["class"] = "deathstar" }, rule.EndpointSelector!.MatchLabels);
        var ingress = Assert.Single(rule.Ingress!)!;
        Assert.Equal("empire", Assert.Single(ingress.FromEndpoints!)!.MatchLabels["org"]);
        var port = Assert.Single(Assert.Single(ingress.ToPorts!)!.Ports!)!;
        Assert.IsType<StringIntOrString>(port.Port);
        Assert.Equal(80, port.PortNumber);
        Assert.Null(port.PortName);
        Assert.Equal("TCP", port.EffectiveProtocol);
    }

    [Fact]
    public void Rule1_L7_AllowsOnlyPostToRequestLanding()
    {
        var portRule = Assert.Single(Assert.Single(Load("sw_l3_l4_l7_policy.yaml").Spec!.Ingress!)!.ToPorts!)!;

        var http = Assert.Single(portRule.Rules!.Http!)!;
        Assert.Equal("POST", http.Method);
        Assert.Equal("/v1/request-landing", http.Path);
        Assert.Null(http.Host);
        Assert.Null(portRule.Rules.Dns);
        Assert.Equal(80, Assert.Single(portRule.Ports!)!.PortNumber);
    }

    [Fact]
    public void DenyPolicy_HasOneEmptyIngressRule()
    {
        var rule = Load("sw_deny_policy.yaml").Spec!;

        var ingress = Assert.Single(rule.Ingress!)!;
        Assert.Equal(new IngressRule(), ingress);
        Assert.Null(rule.Egress);
        Assert.Null(rule.EnableDefaultDeny);
    }

    [Theory]
    [InlineData("dns-matchname.yaml", "api.github.com", null)]
    [InlineData("dns-pattern.yaml", null, "*.github.com")]
    [InlineData("dns-port.yaml", null, "*.github.com")]
    public void DnsPolicies_AllowOneNameAndDnsLookupsThroughKubeDns(string file, string? matchName, string? matchPattern)
    {
        var egress = Load(file).Spec!.Egress!;

        Assert.Equal(2, egress.Count);
        Assert.Equal(new FqdnSelector { MatchName = matchName, MatchPattern = matchPattern }, Assert.Single(egress[0]!.ToFqdns!));
        var dnsRule = egress[1]!;
        Assert.Equal("kube-dns", dnsRule.ToEndpoints![0]!.MatchLabels["k8s:k8s-app"]);
        var portRule = Assert.Single(dnsRule.ToPorts!)!;
        var port = Assert.Single(portRule.Ports!)!;
        Assert.Equal((53, "ANY"), (port.PortNumber!.Value, port.EffectiveProtocol));
        Assert.Equal("*", Assert.Single(portRule.Rules!.Dns!)!.MatchPattern);
    }

    [Fact]
    public void DnsPort_RestrictsTheNameToPort443()
    {
        var toFqdns = Load("dns-port.yaml").Spec!.Egress![0]!;

        var port = Assert.Single(Assert.Single(toFqdns.ToPorts!)!.Ports!)!;
        Assert.Equal((443, "TCP"), (port.PortNumber!.Value, port.EffectiveProtocol));
    }

    private static CiliumNetworkPolicy Load(string file)
    {
        var result = CiliumTestKit.Check(File.ReadAllText(Path.Combine(SharedFixtures.StarWars, file)));
        result.AssertClean();
        return result.Cnp;
    }
}
