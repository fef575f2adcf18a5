using Palisade.Engine.Ir;
using Palisade.Engine.L7;
using Palisade.Engine.Ports;
using Palisade.Engine.Tests.Support;
using Palisade.Engine.Verdicts;

namespace Palisade.Engine.Tests.Cilium;

/// <summary>
/// Cilium's star wars demo end to end in the engine, from the unchanged files of
/// <c>shared/fixtures/real-world/cilium-starwars</c>: the verdicts the demo shows, with the policy and rule that decide.
/// </summary>
public class StarWarsTests
{
    private static readonly string App = Files.StarWars("http-sw-app.yaml");

    private static Verdict Flow(PolicyEngine engine, string from, string to, int port, HttpRequest? http = null, DnsQuery? dns = null, string? address = null)
    {
        var src = engine.Pod(from);
        var dst = to.Contains('/', StringComparison.Ordinal) ? engine.Pod(to) : null;
        var dstAddress = dst?.PrimaryAddress ?? Engines.Ip(address ?? to);
        return engine.Evaluate(new FlowQuery(src, src.PrimaryAddress, dst, dstAddress, Protocol.Tcp, port) { Http = http, Dns = dns });
    }

    private static string Deathstar(PolicyEngine engine) => engine.Cluster.Endpoints.First(e => e.Workload?.Name == "deathstar").Key;

    [Fact]
    public void Without_policy_every_ship_lands()
    {
        var engine = Files.Engine([App]);
        Assert.True(Flow(engine, "default/xwing", Deathstar(engine), 80).Allowed);
        Assert.True(Flow(engine, "default/tiefighter", Deathstar(engine), 80).Allowed);
    }

    [Fact]
    public void L3_L4_rule1_denies_xwing_and_allows_tiefighter_naming_the_rule()
    {
        var engine = Files.Engine([App, Files.StarWars("sw_l3_l4_policy.yaml")]);
        var xwing = Flow(engine, "default/xwing", Deathstar(engine), 80);
        Assert.False(xwing.Allowed);
        Assert.Equal(SideReason.DefaultDeny, xwing.Ingress.Reason);
        Assert.Equal(new PolicyRef("CiliumNetworkPolicy", "default", "rule1"), Assert.Single(xwing.Ingress.IsolatedBy));

        var tiefighter = Flow(engine, "default/tiefighter", Deathstar(engine), 80);
        Assert.True(tiefighter.Allowed);
        var hit = Assert.Single(tiefighter.Ingress.DecidedBy);
        Assert.Equal("rule1", hit.Policy.Name);
        Assert.Equal("ingress[0]", hit.Rule);
        Assert.Null(tiefighter.Ingress.L7);

        // Only port 80 is open, and only to the deathstar.
        Assert.False(Flow(engine, "default/tiefighter", Deathstar(engine), 443).Allowed);
        Assert.True(Flow(engine, "default/xwing", "default/tiefighter", 80).Allowed);
    }

    [Fact]
    public void L7_rule1_allows_request_landing_and_denies_exhaust_port_with_403()
    {
        var engine = Files.Engine([App, Files.StarWars("sw_l3_l4_l7_policy.yaml")]);
        var landing = Flow(engine, "default/tiefighter", Deathstar(engine), 80, HttpRequest.Parse("POST", "/v1/request-landing", []));
        Assert.True(landing.Allowed);
        Assert.NotNull(landing.Ingress.L7);
        Assert.Equal("HTTP", landing.Ingress.L7!.Protocol);
        Assert.True(landing.Ingress.L7.RequestAllowed);
        Assert.Equal("rule1", landing.Ingress.L7.MatchedBy!.Policy.Name);

        var exhaust = Flow(engine, "default/tiefighter", Deathstar(engine), 80, HttpRequest.Parse("PUT", "/v1/exhaust-port", []));
        Assert.False(exhaust.Allowed);
        Assert.True(exhaust.Ingress.Allowed); // L4 lets it reach the proxy ...
        Assert.False(exhaust.Ingress.L7!.RequestAllowed); // ... which answers 403
        Assert.Contains("403", exhaust.Ingress.Explain(), StringComparison.Ordinal);

        // Anchored as Envoy anchors: a longer path, or another method, does not match.
        Assert.False(Flow(engine, "default/tiefighter", Deathstar(engine), 80, HttpRequest.Parse("POST", "/v1/request-landing/now", [])).Allowed);
        Assert.False(Flow(engine, "default/tiefighter", Deathstar(engine), 80, HttpRequest.Parse("GET", "/v1/request-landing", [])).Allowed);

        // Without a request, the verdict is the L4 one: redirected, allowed.
        var l4 = Flow(engine, "default/tiefighter", Deathstar(engine), 80);
        Assert.True(l4.Allowed);
        Assert.Null(l4.Ingress.L7!.RequestAllowed);

        // xwing never reaches the proxy.
        Assert.False(Flow(engine, "default/xwing", Deathstar(engine), 80, HttpRequest.Parse("POST", "/v1/request-landing", [])).Allowed);
    }

    [Fact]
    public void Deny_policy_with_an_empty_ingress_rule_isolates_the_empire_and_allows_nothing()
    {
        var engine = Files.Engine([App, Files.StarWars("sw_deny_policy.yaml")]);
        var tiefighter = Flow(engine, "default/xwing", "default/tiefighter", 80);
        Assert.False(tiefighter.Allowed);
        Assert.Equal("empire-default-deny", Assert.Single(tiefighter.Ingress.IsolatedBy).Name);
        Assert.False(Flow(engine, "default/tiefighter", Deathstar(engine), 80).Allowed);
        // The alliance is not selected.
        Assert.True(Flow(engine, "default/tiefighter", "default/xwing", 80).Allowed);
    }

    [Theory]
    [InlineData("dns-matchname.yaml", "192.0.2.10", 443, true)] // api.github.com
    [InlineData("dns-matchname.yaml", "192.0.2.10", 80, true)] // no toPorts: every port
    [InlineData("dns-matchname.yaml", "192.0.2.20", 443, false)] // support.github.com: not the matchName
    [InlineData("dns-matchname.yaml", "192.0.2.99", 443, false)] // an address no name resolved to
    [InlineData("dns-pattern.yaml", "192.0.2.10", 443, true)]
    [InlineData("dns-pattern.yaml", "192.0.2.20", 443, true)] // *.github.com
    [InlineData("dns-pattern.yaml", "192.0.2.30", 443, false)] // github.com itself is not *.github.com
    [InlineData("dns-port.yaml", "192.0.2.20", 443, true)]
    [InlineData("dns-port.yaml", "192.0.2.20", 80, false)] // only 443
    [InlineData("dns-port.yaml", "192.0.2.10", 80, false)]
    public void Mediabot_reaches_the_names_its_fqdn_policy_allows(string policy, string address, int port, bool allowed)
    {
        var engine = Files.Engine([Files.StarWars("dns-sw-app.yaml"), Files.Repo("examples/starwars/kube-dns.yaml"), Files.StarWars(policy)],
            Files.Repo("examples/starwars/dns-cache.txt"));
        var verdict = Flow(engine, "default/mediabot", address, port, address: address);
        Assert.Equal(allowed, verdict.Allowed);
        if (allowed) Assert.Equal("egress[0]", Assert.Single(verdict.Egress.DecidedBy).Rule);
        else Assert.Equal(SideReason.DefaultDeny, verdict.Egress.Reason);
    }

    [Theory]
    [InlineData("api.github.com", true)]
    [InlineData("support.github.com", true)]
    [InlineData("anything.example", true)] // the dns rule is matchPattern "*": every name may be asked
    public void Mediabot_may_ask_kube_dns_for_any_name_through_the_dns_proxy(string name, bool allowed)
    {
        var engine = Files.Engine([Files.StarWars("dns-sw-app.yaml"), Files.Repo("examples/starwars/kube-dns.yaml"), Files.StarWars("dns-matchname.yaml")]);
        var src = engine.Pod("default/mediabot");
        var dns = engine.Pod("kube-system/coredns");
        var verdict = engine.Evaluate(new FlowQuery(src, src.PrimaryAddress, dns, dns.PrimaryAddress, Protocol.Udp, 53) { Dns = new DnsQuery(name) });
        Assert.Equal(allowed, verdict.Allowed);
        Assert.Equal("DNS", verdict.Egress.L7!.Protocol);
        Assert.Equal("egress[1]", Assert.Single(verdict.Egress.DecidedBy).Rule);
        // Not to another port of kube-dns.
        Assert.False(engine.Evaluate(new FlowQuery(src, src.PrimaryAddress, dns, dns.PrimaryAddress, Protocol.Tcp, 8080)).Allowed);
    }

    [Fact]
    public void Without_learned_names_a_fqdn_rule_matches_nothing()
    {
        var engine = Files.Engine([Files.StarWars("dns-sw-app.yaml"), Files.Repo("examples/starwars/kube-dns.yaml"), Files.StarWars("dns-pattern.yaml")]);
        Assert.False(Flow(engine, "default/mediabot", "192.0.2.10", 443, address: "192.0.2.10").Allowed);
    }
}
