using Palisade.Policy.Diagnostics;
using Palisade.Policy.Tests.Support;

namespace Palisade.Policy.Tests.Validation;

/// <summary>ipBlock rules: cidr must parse, excepts must be strict subsets, host bits only warn.</summary>
public class IpBlockRuleTests
{
    private static string Policy(string cidr, string except = "[]") => $"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: test
        spec:
          podSelector: {"{}"}
          egress:
          - to:
            - ipBlock:
                cidr: {cidr}
                except: {except}
        """;

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0/8")]
    [InlineData("256.0.0.0/8")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/ 8")]
    [InlineData("\"2001:db8::/129\"")]
    [InlineData("\"fe80::1%eth0/64\"")]
    [InlineData("any")]
    public void Cidr_Invalid_IsAnErrorAtTheCidr(string cidr)
    {
        var set = Manifests.Load(Policy(cidr));

        set.Expect(Severity.Error, "spec.egress[0].to[0].ipBlock.cidr", 10, 15, "must be a valid CIDR", "write address/prefix");
        Assert.Single(set.Errors());
    }

    [Fact]
    public void Cidr_Missing_IsAnError()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock: {except: [10.0.0.0/24]}
            """);

        set.Expect(Severity.Error, "spec.egress[0].to[0].ipBlock.cidr", 9, 16, "cidr is required");
    }

    [Fact]
    public void Except_OutsideCidr_IsAnErrorAtTheExcept()
    {
        var set = Manifests.Load(Policy("10.0.0.0/16", "[10.0.1.0/24, 10.1.0.0/24]"));

        set.Expect(Severity.Error, "spec.egress[0].to[0].ipBlock.except[1]", 11, 31, "\"10.1.0.0/24\" must be a strict subset of cidr 10.0.0.0/16");
        Assert.Single(set.Errors());
    }

    [Fact]
    public void Except_EqualToCidr_IsAnError()
    {
        var set = Manifests.Load(Policy("10.0.0.0/16", "[10.0.0.0/16]"));

        set.Expect(Severity.Error, "spec.egress[0].to[0].ipBlock.except[0]", 11, 18, "must be a strict subset", "smaller than it");
    }

    [Fact]
    public void Except_LargerThanCidr_IsAnError()
    {
        var set = Manifests.Load(Policy("10.0.0.0/16", "[10.0.0.0/8]"));

        set.Expect(Severity.Error, "spec.egress[0].to[0].ipBlock.except[0]", 11, 18, "must be a strict subset");
    }

    [Fact]
    public void Except_OfTheOtherFamily_IsAnError()
    {
        var set = Manifests.Load(Policy("10.0.0.0/8", "[\"::/64\"]"));

        set.Expect(Severity.Error, "spec.egress[0].to[0].ipBlock.except[0]", 11, 18, "must be a strict subset");
    }

    [Fact]
    public void Except_NotACidr_IsAnError()
    {
        var set = Manifests.Load(Policy("10.0.0.0/8", "[10.0.0.1]"));

        set.Expect(Severity.Error, "spec.egress[0].to[0].ipBlock.except[0]", 11, 18, "\"10.0.0.1\" must be a valid CIDR");
    }

    [Fact]
    public void Cidr_WithHostBits_IsAWarningNamingTheNetwork()
    {
        var set = Manifests.Load(Policy("10.0.0.1/8"));

        set.Expect(Severity.Warning, "spec.egress[0].to[0].ipBlock.cidr", 10, 15, "\"10.0.0.1/8\" has host bits set; it means 10.0.0.0/8", "write 10.0.0.0/8");
        Assert.Empty(set.Errors());
        Assert.Single(set.NetworkPolicies);
    }

    [Fact]
    public void Except_IsCheckedAgainstTheMaskedCidr()
    {
        var set = Manifests.Load(Policy("10.0.0.1/16", "[10.0.3.0/24]"));

        Assert.Empty(set.Errors());
        Assert.Single(set.Warnings());
    }

    [Theory]
    [InlineData("0.0.0.0/0", "[169.254.169.254/32]")]
    [InlineData("\"2001:db8::/32\"", "[\"2001:db8:1::/48\"]")]
    [InlineData("\"::/0\"", "[]")]
    [InlineData("192.168.1.7/32", "[]")]
    public void ValidIpBlocks_AreAccepted(string cidr, string except) => Manifests.Load(Policy(cidr, except)).AssertClean();
}
