using Palisade.Policy.Cilium;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Tests.Cilium;

/// <summary>The hints the loader can attach to unknown fields of Cilium policies.</summary>
public class UnknownFieldHintTests
{
    [Theory]
    [InlineData("description")]
    [InlineData("ingress")]
    [InlineData("egressDeny")]
    [InlineData("endpointSelector")]
    [InlineData("nodeSelector")]
    [InlineData("enableDefaultDeny")]
    [InlineData("labels")]
    [InlineData("log")]
    public void RuleFields_AtTheTopLevel_BelongUnderSpec(string field) =>
        Assert.Equal($"{field} belongs under spec: (spec.{field}), not at the top level", CiliumPolicyValidator.MisplacedFieldHint(field));

    [Theory]
    [InlineData("descriptions")]
    [InlineData("foo")]
    [InlineData("spec")]
    public void OtherFields_HaveNoMisplacedFieldHint(string field) => Assert.Null(CiliumPolicyValidator.MisplacedFieldHint(field));

    [Fact]
    public void TopLevelField_OfAListItem_GetsTheMisplacedFieldHint() =>
        Assert.Equal("ingress belongs under spec: (spec.ingress), not at the top level",
            CiliumPolicyValidator.UnknownFieldHint(FieldPath.Root.Field("items").Index(2).Field("ingress")));

    [Fact]
    public void RulesInADenyPortRule_SayDenyIsL3L4Only()
    {
        var path = FieldPath.Root.Field("spec").Field("ingressDeny").Index(0).Field("toPorts").Index(1).Field("rules");

        Assert.Equal("ingressDeny rules match L3/L4 only: a deny rule's toPorts takes ports, not rules; put L7 rules in an allow rule (ingress)",
            CiliumPolicyValidator.UnknownFieldHint(path));
    }

    [Fact]
    public void ToFqdnsInAnEgressDenyRule_SaysItIsAllowOnly()
    {
        var path = FieldPath.Root.Field("specs").Index(1).Field("egressDeny").Index(0).Field("toFQDNs");

        Assert.StartsWith("egressDeny rules do not support toFQDNs; it exists only in egress rules", CiliumPolicyValidator.UnknownFieldHint(path), StringComparison.Ordinal);
    }

    [Fact]
    public void AuthenticationInAnIngressDenyRule_SaysItIsAllowOnly() =>
        Assert.Equal("ingressDeny rules do not support authentication; it exists only in ingress rules",
            CiliumPolicyValidator.UnknownFieldHint(FieldPath.Root.Field("spec").Field("ingressDeny").Index(0).Field("authentication")));

    [Theory]
    [InlineData("spec.ingres")]
    [InlineData("spec.ingress[0].toPorts[0].rule")]
    [InlineData("spec.egress[0].toPorts[0].rules")]
    public void OtherUnknownFields_HaveNoSpecialHint(string dotted)
    {
        var path = FieldPath.Root;
        foreach (var part in dotted.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            path = bracket < 0 ? path.Field(part) : path.Field(part[..bracket]).Index(part[bracket + 1] - '0');
        }

        Assert.Null(CiliumPolicyValidator.UnknownFieldHint(path));
    }
}
