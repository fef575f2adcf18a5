using Palisade.Policy.Cilium;

namespace Palisade.Policy.Tests.Cilium;

/// <summary>Ports: numbers 0-65535 (quoted or not), names, ranges, protocols, the 40-port limit.</summary>
public class PortValidationTests
{
    private const string PortPath = "spec.egress[0].toPorts[0].ports[0]";

    [Theory]
    [InlineData("{port: \"80\", protocol: TCP}")]
    [InlineData("{port: 80}")]
    [InlineData("{port: \"0\"}")]
    [InlineData("{port: \"65535\", protocol: UDP}")]
    [InlineData("{port: http, protocol: TCP}")]
    [InlineData("{port: HTTP}")]
    [InlineData("{port: \"8000\", endPort: 8080, protocol: SCTP}")]
    [InlineData("{port: \"80\", endPort: 80}")]
    [InlineData("{port: \"80\", endPort: 0}")]
    [InlineData("{port: \"80\", protocol: ANY}")]
    public void ValidPorts_AreAccepted(string port) => CiliumTestKit.EgressPorts($"ports: [{port}]").AssertClean();

    [Theory]
    [InlineData("{port: \"65536\"}", PortPath + ".port", "port 65536 must be between 0 and 65535, inclusive")]
    [InlineData("{port: 70000}", PortPath + ".port", "port 70000 must be between 0 and 65535, inclusive")]
    [InlineData("{port: -1}", PortPath + ".port", "invalid port \"-1\"")]
    [InlineData("{port: \"80-90\"}", PortPath + ".port", "invalid port \"80-90\": not a number and not a valid port name")]
    [InlineData("{port: \"my--port\"}", PortPath + ".port", "must not contain consecutive hyphens")]
    [InlineData("{port: \"a-very-long-port-name\"}", PortPath + ".port", "must be no more than 15 characters")]
    [InlineData("{protocol: TCP}", PortPath, "port must be specified")]
    [InlineData("{port: \"\"}", PortPath + ".port", "port must be specified")]
    [InlineData("{port: \"8080\", endPort: 8000}", PortPath + ".endPort", "endPort 8000 must be greater than or equal to port 8080")]
    [InlineData("{port: http, endPort: 90}", PortPath + ".endPort", "endPort may only be used with a numeric port")]
    [InlineData("{port: \"80\", endPort: 70000}", PortPath + ".endPort", "endPort 70000 must be between 0 and 65535, inclusive")]
    [InlineData("{port: \"80\", protocol: tcp}", PortPath + ".protocol", "unsupported protocol \"tcp\"")]
    [InlineData("{port: \"80\", protocol: ICMP}", PortPath + ".protocol", "unsupported protocol \"ICMP\"")]
    public void InvalidPort_IsAnErrorAtItsField(string port, string path, string message) =>
        CiliumTestKit.EgressPorts($"ports: [{port}]").Only(path, message);

    [Fact]
    public void ARangeWrittenInPort_GetsTheEndPortHint() =>
        Assert.Contains("endPort", CiliumTestKit.EgressPorts("ports: [{port: \"80-90\"}]").Only(PortPath + ".port", "invalid port").Hint, StringComparison.Ordinal);

    [Fact]
    public void LowerCaseProtocol_SuggestsUpperCase() =>
        Assert.Equal("did you mean \"TCP\"? (protocols are upper case)", CiliumTestKit.EgressPorts("ports: [{port: \"80\", protocol: tcp}]").Only(PortPath + ".protocol", "").Hint);

    [Fact]
    public void IcmpAsAProtocol_PointsToIcmps() =>
        Assert.Contains("icmps:", CiliumTestKit.EgressPorts("ports: [{port: \"80\", protocol: ICMP}]").Only(PortPath + ".protocol", "").Hint, StringComparison.Ordinal);

    [Theory]
    [InlineData("VRRP")]
    [InlineData("IGMP")]
    [InlineData("GRE")]
    [InlineData("IPIP")]
    [InlineData("IPV6")]
    [InlineData("ESP")]
    [InlineData("AH")]
    public void ExtendedProtocol_IsRejected(string protocol) =>
        CiliumTestKit.EgressPorts($"ports: [{{protocol: {protocol}}}]")
            .Only(PortPath + ".protocol", $"protocol {protocol} needs --enable-extended-ip-protocols, not supported by Palisade");

    [Fact]
    public void FortyPorts_AreAccepted() =>
        CiliumTestKit.EgressPorts("ports: [" + string.Join(", ", Enumerable.Range(1, 40).Select(p => $"{{port: \"{p}\"}}")) + "]").AssertClean();

    [Fact]
    public void FortyOnePorts_IsAnErrorAtPorts() =>
        CiliumTestKit.EgressPorts("ports: [" + string.Join(", ", Enumerable.Range(1, 41).Select(p => $"{{port: \"{p}\"}}")) + "]")
            .Only("spec.egress[0].toPorts[0].ports", "too many ports (41); the max is 40");

    [Fact]
    public void DenyRulePorts_AreValidatedToo()
    {
        var result = CiliumTestKit.Cnp("endpointSelector: {}\ningressDeny: [{toPorts: [{ports: [{port: \"99999\"}, {port: \"22\", protocol: Tcp}]}]}]");

        result.At("spec.ingressDeny[0].toPorts[0].ports[0].port", "port 99999 must be between 0 and 65535");
        result.At("spec.ingressDeny[0].toPorts[0].ports[1].protocol", "unsupported protocol \"Tcp\"");
        Assert.Equal(2, result.Findings.Count);
    }

    [Fact]
    public void PortAsABoolean_IsATypeMismatch_AndThePortIsThenMissing()
    {
        var result = CiliumTestKit.EgressPorts("ports: [{port: true}]");

        result.At(PortPath + ".port", "expected a number or a string, found the boolean true");
        result.At(PortPath, "port must be specified");
        Assert.Equal(2, result.Findings.Count);
    }

    [Theory]
    [InlineData("\"80\"", 80, null)]
    [InlineData("80", 80, null)]
    [InlineData("\"0\"", 0, null)]
    [InlineData("HTTP-alt", null, "http-alt")]
    [InlineData("\"99999\"", null, null)]
    public void PortAccessors_NormaliseAsCilium(string yaml, int? number, string? name)
    {
        var port = CiliumTestKit.EgressPorts($"ports: [{{port: {yaml}}}]").Cnp.Spec!.Egress![0]!.ToPorts![0]!.Ports![0]!;

        Assert.Equal((number, name), (port.PortNumber, port.PortName));
    }

    [Fact]
    public void PortAccessors_Defaults()
    {
        var port = new PortProtocol();

        Assert.Equal(("ANY", (int?)null, (int?)null, (string?)null), (port.EffectiveProtocol, port.RangeEnd, port.PortNumber, port.PortName));
        Assert.Null(new PortProtocol { EndPort = 0 }.RangeEnd);
        Assert.Equal(90, new PortProtocol { EndPort = 90 }.RangeEnd);
    }
}
