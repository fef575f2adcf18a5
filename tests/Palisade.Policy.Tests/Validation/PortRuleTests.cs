using Palisade.Policy.Diagnostics;
using Palisade.Policy.Tests.Support;

namespace Palisade.Policy.Tests.Validation;

/// <summary>NetworkPolicyPort rules: numeric range, endPort, named ports, protocols.</summary>
public class PortRuleTests
{
    /// <summary>A policy whose only port is <paramref name="port"/> (flow mapping content); the port starts at line 9, column 7.</summary>
    private static string Policy(string port) => $$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: test
        spec:
          podSelector: {}
          ingress:
          - ports:
            - {{port}}
        """;

    [Theory]
    [InlineData("{port: 0}", 14, "port 0 must be between 1 and 65535, inclusive")]
    [InlineData("{port: 65536}", 14, "port 65536 must be between 1 and 65535, inclusive")]
    [InlineData("{port: -80}", 14, "port -80 must be between 1 and 65535, inclusive")]
    public void Port_OutOfRange_IsAnErrorAtThePort(string port, int column, string message)
    {
        var set = Manifests.Load(Policy(port));

        set.Expect(Severity.Error, "spec.ingress[0].ports[0].port", 9, column, message);
        Assert.Single(set.Errors());
    }

    [Fact]
    public void EndPort_BelowPort_IsAnErrorAtEndPort()
    {
        var set = Manifests.Load(Policy("{port: 8080, endPort: 8000}"));

        set.Expect(Severity.Error, "spec.ingress[0].ports[0].endPort", 9, 29, "endPort 8000 must be greater than or equal to port 8080");
        Assert.Single(set.Errors());
    }

    [Fact]
    public void EndPort_OutOfRange_IsAnError()
    {
        var set = Manifests.Load(Policy("{port: 80, endPort: 70000}"));

        set.Expect(Severity.Error, "spec.ingress[0].ports[0].endPort", 9, 27, "endPort 70000 must be between 1 and 65535");
    }

    [Fact]
    public void EndPort_EqualToPort_IsAccepted() => Manifests.Load(Policy("{port: 80, endPort: 80, protocol: TCP}")).AssertClean();

    [Fact]
    public void EndPort_WithNamedPort_IsAnError()
    {
        var set = Manifests.Load(Policy("{port: http, endPort: 90}"));

        set.Expect(Severity.Error, "spec.ingress[0].ports[0].endPort", 9, 29, "endPort may not be specified when port is non-numeric", "use a numeric port with endPort");
        Assert.Single(set.Errors());
    }

    [Fact]
    public void EndPort_WithoutPort_IsAnError()
    {
        var set = Manifests.Load(Policy("{protocol: TCP, endPort: 90}"));

        set.Expect(Severity.Error, "spec.ingress[0].ports[0].endPort", 9, 32, "endPort may not be specified when port is not specified", "add port");
    }

    [Theory]
    [InlineData("{port: a-very-long-port-name}", "must be no more than 15 characters")]
    [InlineData("{port: http_alt}", "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")]
    [InlineData("{port: HTTP}", "must contain only alpha-numeric characters")]
    [InlineData("{port: web--alt}", "must not contain consecutive hyphens")]
    [InlineData("{port: -web}", "must not begin or end with a hyphen")]
    [InlineData("{port: \"8-0\"}", "must contain at least one letter (a-z)")]
    [InlineData("{port: \"\"}", "must be no more than 15 characters")]
    public void NamedPort_Invalid_IsAnErrorAtThePort(string port, string reason)
    {
        var set = Manifests.Load(Policy(port));

        var d = set.Expect(Severity.Error, "spec.ingress[0].ports[0].port", 9, 14, "invalid named port");
        Assert.Contains(reason, d.Message, StringComparison.Ordinal);
        Assert.Null(d.Hint);
    }

    [Fact]
    public void NamedPort_QuotedNumber_IsAnErrorWithAHintToUnquote()
    {
        var set = Manifests.Load(Policy("{port: \"80\"}"));

        set.Expect(Severity.Error, "spec.ingress[0].ports[0].port", 9, 14, "invalid named port \"80\"", "a quoted number is a port name; write the number without quotes");
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("ICMP")]
    [InlineData("\"\"")]
    public void Protocol_Unsupported_IsAnErrorAtTheProtocol(string protocol)
    {
        var set = Manifests.Load(Policy($"{{port: 80, protocol: {protocol}}}"));

        set.Expect(Severity.Error, "spec.ingress[0].ports[0].protocol", 9, 28, "unsupported protocol", "supported values: \"TCP\", \"UDP\", \"SCTP\" (upper case)");
        Assert.Single(set.Errors());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{port: 1}")]
    [InlineData("{port: 65535, protocol: UDP}")]
    [InlineData("{port: dns-tcp, protocol: SCTP}")]
    [InlineData("{port: 32000, endPort: 32768}")]
    [InlineData("{protocol: UDP}")]
    public void ValidPorts_AreAccepted(string port) => Manifests.Load(Policy(port)).AssertClean();
}
