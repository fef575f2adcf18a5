using Palisade.Policy.Diagnostics;

namespace Palisade.Policy.Tests.Cilium;

/// <summary>Rule metadata: labels, log, enableDefaultDeny, description.</summary>
public class MetadataValidationTests
{
    [Fact]
    public void AllMetadataFields_Bind()
    {
        var result = CiliumTestKit.Cnp("""
            endpointSelector: {}
            ingress: [{}]
            labels: [{key: team, value: web, source: k8s}]
            enableDefaultDeny: {ingress: false, egress: true}
            description: allow nothing
            log: {value: "audit-web"}
            """);

        result.AssertClean();
        var rule = result.Cnp.Spec!;
        Assert.Equal(("team", "web", "k8s"), (rule.Labels![0]!.Key, rule.Labels[0]!.Value, rule.Labels[0]!.Source));
        Assert.Equal((false, true), (rule.EnableDefaultDeny!.Ingress, rule.EnableDefaultDeny.Egress));
        Assert.Equal("audit-web", rule.Log!.Value);
    }

    [Fact]
    public void Label_WithoutKey_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\ningress: [{}]\nlabels: [{value: web}]").Only("spec.labels[0]", "key is required");

    [Fact]
    public void Label_AsAString_IsATypeMismatch() =>
        CiliumTestKit.Cnp("endpointSelector: {}\ningress: [{}]\nlabels: [\"k8s:team=web\"]").Only("spec.labels[0]", "expected a mapping");

    [Fact]
    public void LogValue_LongerThan32Characters_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\ningress: [{}]\nlog: {value: " + new string('x', 33) + "}").Only("spec.log.value", "must be no more than 32 characters (has 33)");

    [Fact]
    public void LogValue_Of32Characters_IsAccepted() =>
        CiliumTestKit.Cnp("endpointSelector: {}\ningress: [{}]\nlog: {value: " + new string('x', 32) + "}").AssertClean();

    [Fact]
    public void LogValue_WithAControlCharacter_IsAnError() =>
        CiliumTestKit.Cnp("endpointSelector: {}\ningress: [{}]\nlog: {value: \"a\\tb\"}").Only("spec.log.value", "printable characters only");

    [Fact]
    public void EnableDefaultDeny_NotABoolean_IsATypeMismatch() =>
        CiliumTestKit.Cnp("endpointSelector: {}\ningress: [{}]\nenableDefaultDeny: {ingress: maybe}").Only("spec.enableDefaultDeny.ingress", "expected true or false");

    [Fact]
    public void UnknownRuleField_IsAnErrorWithSuggestion()
    {
        var finding = CiliumTestKit.Cnp("endpointSelector: {}\ningres: [{}]").At("spec.ingres", "unknown field \"ingres\"");

        Assert.Equal("did you mean \"ingress\"?", finding.Hint);
    }

    [Fact]
    public void Status_IsIgnored() =>
        CiliumTestKit.Check(CiliumTestKit.Wrap("CiliumNetworkPolicy", "endpointSelector: {}\ningress: [{}]") + "status:\n  conditions: [{type: Valid, status: \"True\"}]\n").AssertClean();

    [Fact]
    public void Warnings_AreNotErrors()
    {
        var result = CiliumTestKit.Cnp("endpointSelector: {}\negress: [{toCIDR: [10.0.0.1/8]}]");

        Assert.Empty(result.Errors);
        result.Only("spec.egress[0].toCIDR[0]", "has host bits set; it means 10.0.0.0/8", Severity.Warning);
    }
}
