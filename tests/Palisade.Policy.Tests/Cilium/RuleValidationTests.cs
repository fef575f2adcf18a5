using Palisade.Policy.Cilium;
using Palisade.Policy.Diagnostics;

namespace Palisade.Policy.Tests.Cilium;

/// <summary>Policy- and rule-level checks: spec/specs, the subject selector, at least one rule list.</summary>
public class RuleValidationTests
{
    [Fact]
    public void NeitherSpecNorSpecs_IsAnErrorAtSpec()
    {
        var result = CiliumTestKit.Check("apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: test}\n");

        result.Only("spec", "spec or specs is required");
    }

    [Fact]
    public void EmptySpecs_IsAWarning()
    {
        var result = CiliumTestKit.Check("apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: test}\nspecs: []\n");

        result.Only("specs", "specs is empty", Severity.Warning);
    }

    [Fact]
    public void Specs_AreEachValidated_WithTheirIndexInThePath()
    {
        var result = CiliumTestKit.Check("""
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: test}
            specs:
            - endpointSelector: {}
              ingress: [{}]
            - endpointSelector: {}
            """);

        result.Only("specs[1]", "rule must have at least one of ingress, ingressDeny, egress, egressDeny");
        Assert.Equal(2, result.Cnp.Specs!.Count);
    }

    [Fact]
    public void SpecAndSpecs_AreBothValidated()
    {
        var result = CiliumTestKit.Check("""
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: test}
            spec:
              ingress: [{}]
            specs:
            - endpointSelector: {}
            """);

        result.At("spec", "rule must have one of endpointSelector or nodeSelector");
        result.At("specs[0]", "rule must have at least one of");
        Assert.Equal(2, result.Findings.Count);
    }

    [Fact]
    public void RuleWithoutRules_IsAnError_WithTheDenyAllHint()
    {
        var finding = CiliumTestKit.Cnp("endpointSelector: {}\ningress: []\negress: []").Only("spec", "rule must have at least one of ingress, ingressDeny, egress, egressDeny");

        Assert.Contains("ingress: [{}]", finding.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingress: [{}]")]
    [InlineData("ingressDeny: [{}]")]
    [InlineData("egress: [{}]")]
    [InlineData("egressDeny: [{}]")]
    public void AnyOneRuleList_IsEnough(string rules) => CiliumTestKit.Cnp("endpointSelector: {}\n" + rules).AssertClean();

    [Fact]
    public void NoSubjectSelector_IsAnErrorAtTheRule() =>
        CiliumTestKit.Ccnp("ingress: [{}]").Only("spec", "rule must have one of endpointSelector or nodeSelector");

    [Fact]
    public void BothSubjectSelectors_IsAnErrorAtNodeSelector() =>
        CiliumTestKit.Ccnp("endpointSelector: {}\nnodeSelector: {}\ningress: [{}]").Only("spec.nodeSelector", "rule cannot have both endpointSelector and nodeSelector");

    [Fact]
    public void NodeSelector_InANamespacedPolicy_IsAnError()
    {
        var finding = CiliumTestKit.Cnp("nodeSelector: {matchLabels: {role: worker}}\ningress: [{}]")
            .Only("spec.nodeSelector", "nodeSelector can only be used in a CiliumClusterwideNetworkPolicy");

        Assert.Contains("CiliumClusterwideNetworkPolicy", finding.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void NodeSelector_InAClusterwidePolicy_IsAHostPolicy() =>
        CiliumTestKit.Ccnp("nodeSelector: {matchLabels: {role: worker}}\ningress: [{fromEntities: [cluster]}]").AssertClean();

    [Fact]
    public void EndpointSelector_IsValidatedAsALabelSelector() =>
        CiliumTestKit.Cnp("endpointSelector: {matchLabels: {app: -bad}}\ningress: [{}]").Only("spec.endpointSelector.matchLabels.app", "invalid label value \"-bad\"");

    [Fact]
    public void EverySubjectProblem_IsReportedAtOnce()
    {
        var result = CiliumTestKit.Cnp("""
            endpointSelector: {matchLabels: {app: -bad}}
            nodeSelector: {}
            ingress: [{fromEntities: [wrold]}]
            egress: [{toPorts: [{ports: [{port: "99999"}]}]}]
            """);

        Assert.Equal(
            ["spec.egress[0].toPorts[0].ports[0].port", "spec.endpointSelector.matchLabels.app", "spec.ingress[0].fromEntities[0]", "spec.nodeSelector", "spec.nodeSelector"],
            result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_OtherObjects_Throws() =>
        Assert.Throws<ArgumentException>(() => CiliumPolicyValidator.Validate(new k8s.Models.V1NetworkPolicy()));
}
