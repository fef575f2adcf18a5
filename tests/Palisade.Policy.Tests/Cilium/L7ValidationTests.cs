using Palisade.Policy.Cilium;

namespace Palisade.Policy.Tests.Cilium;

/// <summary>L7 rules: TCP only (DNS also UDP/ANY), DNS only on egress with a port, one type, removed protocols.</summary>
public class L7ValidationTests
{
    private const string Rules = "spec.egress[0].toPorts[0].rules";

    [Theory]
    [InlineData("ports: [{port: \"80\", protocol: TCP}], rules: {http: [{method: GET, path: \"/api/.*\", host: \"api\\\\.example\\\\.com\"}]}")]
    [InlineData("ports: [{port: \"80\", protocol: TCP}], rules: {http: [{}]}")]
    [InlineData("ports: [{port: \"80\", protocol: TCP}], rules: {http: [{headers: [X-Token], headerMatches: [{name: X-Env, value: prod, mismatch: LOG}]}]}")]
    [InlineData("ports: [{port: \"53\", protocol: UDP}], rules: {dns: [{matchName: example.com}]}")]
    [InlineData("ports: [{port: \"53\", protocol: TCP}], rules: {dns: [{matchPattern: \"*\"}]}")]
    [InlineData("ports: [{port: \"53\"}], rules: {dns: [{matchPattern: \"*\"}]}")]
    [InlineData("ports: [{port: dns, protocol: ANY}], rules: {dns: [{matchPattern: \"*\"}]}")]
    [InlineData("ports: [{port: \"80\", protocol: TCP}], rules: {http: []}")]
    public void ValidL7_IsAccepted(string portRule) => CiliumTestKit.EgressPorts($"{{{portRule}}}").AssertClean();

    [Theory]
    [InlineData("{port: \"80\", protocol: UDP}", "spec.egress[0].toPorts[0].ports[0].protocol", "L7 rules can only apply to TCP (not UDP) except for DNS rules")]
    [InlineData("{port: \"80\"}", "spec.egress[0].toPorts[0].ports[0]", "L7 rules can only apply to TCP (not ANY) except for DNS rules")]
    public void Http_OnAPortThatIsNotTcp_IsAnError(string port, string path, string message)
    {
        var finding = CiliumTestKit.EgressPorts($"{{ports: [{port}], rules: {{http: [{{method: GET}}]}}}}").Only(path, message);

        Assert.Equal("set protocol: TCP", finding.Hint);
    }

    [Fact]
    public void Dns_OnSctp_IsAnError() =>
        CiliumTestKit.EgressPorts("{ports: [{port: \"53\", protocol: SCTP}], rules: {dns: [{matchPattern: \"*\"}]}}")
            .Only("spec.egress[0].toPorts[0].ports[0].protocol", "DNS rules apply to UDP, TCP or ANY, not SCTP");

    [Fact]
    public void Dns_WithoutPorts_IsAnError() =>
        CiliumTestKit.EgressPorts("{rules: {dns: [{matchPattern: \"*\"}]}}").Only(Rules + ".dns", "port 53 must be specified for DNS rules");

    [Fact]
    public void Dns_WithAPortRange_IsAnError() =>
        CiliumTestKit.EgressPorts("{ports: [{port: \"53\", endPort: 54, protocol: UDP}], rules: {dns: [{matchPattern: \"*\"}]}}")
            .Only("spec.egress[0].toPorts[0].ports[0].endPort", "DNS rules do not support port ranges");

    [Theory]
    [InlineData("{ports: [{port: \"0\", protocol: TCP}], rules: {http: [{}]}}")]
    [InlineData("{ports: [{port: \"0\", protocol: UDP}], rules: {dns: [{matchPattern: \"*\"}]}}")]
    public void L7_OnPortZero_IsAnError(string portRule) =>
        CiliumTestKit.EgressPorts(portRule).Only(Rules, "L7 rules can not be used when a port is 0");

    [Fact]
    public void HttpAndDns_InOneRule_IsAnError()
    {
        var result = CiliumTestKit.EgressPorts("{ports: [{port: \"53\", protocol: TCP}], rules: {http: [{}], dns: [{matchPattern: \"*\"}]}}");

        result.Only(Rules, "multiple L7 protocol rule types specified in a single rule");
    }

    [Fact]
    public void Dns_OnIngress_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\ningress: [{toPorts: [{ports: [{port: \"53\", protocol: UDP}], rules: {dns: [{matchPattern: \"*\"}]}}]}]")
            .Only("spec.ingress[0].toPorts[0].rules.dns", "DNS rules are not allowed on ingress");

    [Fact]
    public void Http_OnIngress_IsAccepted() =>
        CiliumTestKit.Cnp("endpointSelector: {}\ningress: [{toPorts: [{ports: [{port: \"80\", protocol: TCP}], rules: {http: [{method: POST}]}}]}]").AssertClean();

    [Fact]
    public void L7_OnHostIngress_IsAnError() =>
        CiliumTestKit.Ccnp("nodeSelector: {}\ningress: [{toPorts: [{ports: [{port: \"80\", protocol: TCP}], rules: {http: [{method: GET}]}}]}]")
            .Only("spec.ingress[0].toPorts[0].rules", "L7 policy is not supported on host ingress");

    [Fact]
    public void Http_OnHostEgress_IsAnError() =>
        CiliumTestKit.Ccnp("nodeSelector: {}\negress: [{toPorts: [{ports: [{port: \"80\", protocol: TCP}], rules: {http: [{method: GET}]}}]}]")
            .Only("spec.egress[0].toPorts[0].rules.http", "L7 protocol HTTP is not supported on host egress");

    [Fact]
    public void Dns_OnHostEgress_IsAccepted() =>
        CiliumTestKit.Ccnp("nodeSelector: {}\negress: [{toPorts: [{ports: [{port: \"53\", protocol: ANY}], rules: {dns: [{matchPattern: \"*\"}]}}]}]").AssertClean();

    [Fact]
    public void Kafka_IsRejectedAsRemoved() =>
        CiliumTestKit.EgressPorts("{ports: [{port: \"9092\", protocol: TCP}], rules: {kafka: [{role: produce, topic: orders}]}}")
            .Only(Rules + ".kafka", "Kafka L7 rules were removed from Cilium in 1.20");

    [Fact]
    public void L7Proto_IsRejectedAsRemoved()
    {
        var result = CiliumTestKit.EgressPorts("{ports: [{port: \"6379\", protocol: TCP}], rules: {l7proto: r2d2, l7: [{cmd: READ}]}}");

        result.At(Rules + ".l7proto", "generic L7 parsers (l7proto) were removed from Cilium in 1.20");
        result.At(Rules + ".l7", "generic L7 parsers (l7proto) were removed from Cilium in 1.20");
        Assert.Equal(2, result.Findings.Count);
    }

    [Theory]
    [InlineData("terminatingTLS: {secret: {name: tls}}", "terminatingTLS", "terminatingTLS is not supported by Palisade")]
    [InlineData("originatingTLS: {secret: {name: ca}, trustedCA: ca.crt}", "originatingTLS", "originatingTLS is not supported by Palisade")]
    [InlineData("serverNames: [api.example.com]", "serverNames", "serverNames (TLS SNI matching) is not supported by Palisade")]
    [InlineData("listener: {envoyConfig: {kind: CiliumEnvoyConfig, name: cec}, name: l1, priority: 5}", "listener", "listener is not supported by Palisade")]
    public void ProxyFeatures_AreRejectedAsUnsupported(string field, string name, string message) =>
        CiliumTestKit.EgressPorts($"{{ports: [{{port: \"443\", protocol: TCP}}], {field}}}").Only($"spec.egress[0].toPorts[0].{name}", message);

    [Theory]
    [InlineData("method: \"(GET\"", "method")]
    [InlineData("path: \"/api/[\"", "path")]
    [InlineData("host: \"*.example.com\"", "host")]
    public void Http_InvalidRegex_IsAnError(string field, string name) =>
        CiliumTestKit.EgressPorts($"{{ports: [{{port: \"80\", protocol: TCP}}], rules: {{http: [{{{field}}}]}}}}")
            .Only($"{Rules}.http[0].{name}", "invalid regular expression");

    [Fact]
    public void HeaderMatch_WithoutName_IsAnError() =>
        CiliumTestKit.EgressPorts("{ports: [{port: \"80\", protocol: TCP}], rules: {http: [{headerMatches: [{value: x}]}]}}")
            .Only($"{Rules}.http[0].headerMatches[0]", "name is required");

    [Fact]
    public void HeaderMatch_UnknownMismatch_IsAnErrorWithSuggestion()
    {
        var finding = CiliumTestKit.EgressPorts("{ports: [{port: \"80\", protocol: TCP}], rules: {http: [{headerMatches: [{name: X, value: prod, mismatch: log}]}]}}")
            .Only($"{Rules}.http[0].headerMatches[0].mismatch", "unsupported mismatch action \"log\"");

        Assert.Equal("did you mean \"LOG\"? (upper case)", finding.Hint);
    }

    [Fact]
    public void HeaderMatch_Secret_IsRejectedAsUnsupported() =>
        CiliumTestKit.EgressPorts("{ports: [{port: \"80\", protocol: TCP}], rules: {http: [{headerMatches: [{name: X-Token, secret: {namespace: prod, name: token}}]}]}}")
            .Only($"{Rules}.http[0].headerMatches[0].secret", "secret is not supported by Palisade: it does not read Secrets");

    [Fact]
    public void Dns_SelectorsAreValidated() =>
        CiliumTestKit.EgressPorts("{ports: [{port: \"53\", protocol: UDP}], rules: {dns: [{matchName: \"bad name\"}, {}]}}")
            .At($"{Rules}.dns[1]", "one of matchName or matchPattern is required");

    [Theory]
    [InlineData("ingressDeny", "rules: {http: [{}]}", "rules")]
    [InlineData("egressDeny", "terminatingTLS: {secret: {name: tls}}", "terminatingTLS")]
    public void L7InADenyRule_IsAnUnknownField(string list, string field, string name)
    {
        var finding = CiliumTestKit.Cnp($"endpointSelector: {{}}\n{list}: [{{toPorts: [{{ports: [{{port: \"80\", protocol: TCP}}], {field}}}]}}]")
            .Only($"spec.{list}[0].toPorts[0].{name}", $"unknown field \"{name}\"");

        var path = Yaml.FieldPath.Root.Field("spec").Field(list).Index(0).Field("toPorts").Index(0).Field(name);
        Assert.Equal(path.ToString(), finding.Path);
        Assert.StartsWith($"{list} rules match L3/L4 only", CiliumPolicyValidator.UnknownFieldHint(path), StringComparison.Ordinal);
    }
}
