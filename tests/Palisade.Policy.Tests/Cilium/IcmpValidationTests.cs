using Palisade.Policy.Cilium;

namespace Palisade.Policy.Tests.Cilium;

/// <summary>ICMP rules: not with toPorts, 40 fields, IPv4/IPv6 families, type numbers and per-family names.</summary>
public class IcmpValidationTests
{
    private const string Field = "spec.ingress[0].icmps[0].fields[0]";

    private static CheckResult Icmp(string fields) => CiliumTestKit.Cnp($"endpointSelector: {{}}\ningress: [{{icmps: [{{fields: [{fields}]}}]}}]");

    [Theory]
    [InlineData("{type: 8}")]
    [InlineData("{type: \"8\"}")]
    [InlineData("{type: 0}")]
    [InlineData("{type: 255}")]
    [InlineData("{family: IPv4, type: EchoRequest}")]
    [InlineData("{type: Echo}")]
    [InlineData("{family: IPv6, type: NeighborSolicitation}")]
    [InlineData("{family: IPv6, type: 135}")]
    [InlineData("{family: IPv6, type: ExtendedEchoReply}")]
    public void ValidFields_AreAccepted(string field) => Icmp(field).AssertClean();

    [Fact]
    public void IcmpsWithToPorts_IsAnError()
    {
        var finding = CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toPorts: [{ports: [{port: \"80\"}]}], icmps: [{fields: [{type: 8}]}]}]")
            .Only("spec.egress[0].icmps", "the icmps block may only be present without toPorts");

        Assert.Equal("define a separate rule to use toPorts", finding.Hint);
    }

    [Theory]
    [InlineData("ingressDeny")]
    [InlineData("egressDeny")]
    public void IcmpsWithToPorts_InADenyRule_IsAnError(string list) =>
        CiliumTestKit.Cnp($"endpointSelector: {{}}\n{list}: [{{toPorts: [{{ports: [{{port: \"80\"}}]}}], icmps: [{{fields: [{{type: 8}}]}}]}}]")
            .Only($"spec.{list}[0].icmps", "the icmps block may only be present without toPorts");

    [Theory]
    [InlineData("{type: 256}", Field + ".type", "ICMP type 256 must be between 0 and 255")]
    [InlineData("{type: -1}", Field + ".type", "ICMP type -1 must be between 0 and 255")]
    [InlineData("{family: ipv4, type: 8}", Field + ".family", "wrong ICMP family \"ipv4\"")]
    [InlineData("{family: IPv5, type: 8}", Field + ".family", "wrong ICMP family \"IPv5\"")]
    [InlineData("{family: IPv4}", Field, "type is required")]
    [InlineData("{type: EchoRequets}", Field + ".type", "\"EchoRequets\" is not an IPv4 ICMP type name")]
    [InlineData("{type: NeighborSolicitation}", Field + ".type", "\"NeighborSolicitation\" is not an IPv4 ICMP type name")]
    [InlineData("{family: IPv6, type: Echo}", Field + ".type", "\"Echo\" is not an IPv6 ICMP type name")]
    public void InvalidField_IsAnErrorAtItsField(string field, string path, string message) => Icmp(field).Only(path, message);

    [Fact]
    public void TypeNameOfTheOtherFamily_SaysWhichFamily() =>
        Assert.Equal("NeighborSolicitation is an IPv6 type name; set family: IPv6", Icmp("{type: NeighborSolicitation}").Only(Field + ".type", "").Hint);

    [Fact]
    public void MisspelledTypeName_SuggestsTheClosest() =>
        Assert.Equal("did you mean \"EchoRequest\"?", Icmp("{type: EchoRequets}").Only(Field + ".type", "").Hint);

    [Fact]
    public void FortyOneFields_IsAnError() =>
        Icmp(string.Join(", ", Enumerable.Range(0, 41).Select(t => $"{{type: {t}}}"))).Only("spec.ingress[0].icmps[0].fields", "too many ICMP types (41); the max is 40");

    [Theory]
    [InlineData(null, "8", 8)]
    [InlineData("IPv4", "EchoRequest", 8)]
    [InlineData("IPv6", "EchoRequest", 128)]
    [InlineData("IPv6", "DuplicateAddressConfirmationCodeSuffix", 158)]
    [InlineData("IPv4", "Photuris", 40)]
    [InlineData("IPv4", "RouterSolicitation", null)]
    [InlineData("IPv4", "300", null)]
    public void TypeNumber_ResolvesPerFamily(string? family, string type, int? expected) =>
        Assert.Equal(expected, new IcmpField { Family = family, Type = new Binding.StringIntOrString(type) }.TypeNumber);
}
