using Palisade.Policy.Diagnostics;

namespace Palisade.Policy.Tests.Cilium;

/// <summary>Cilium endpoint selectors: source prefixes on keys, then Kubernetes label rules.</summary>
public class SelectorValidationTests
{
    private static CheckResult Selector(string selector) => CiliumTestKit.Cnp($"endpointSelector: {{}}\ningress: [{{fromEndpoints: [{selector}]}}]");

    [Theory]
    [InlineData("{matchLabels: {app: web}}")]
    [InlineData("{matchLabels: {\"k8s:io.kubernetes.pod.namespace\": kube-system, \"k8s:k8s-app\": kube-dns}}")]
    [InlineData("{matchLabels: {\"any:app\": web}}")]
    [InlineData("{matchLabels: {\"k8s:io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name\": prod}}")]
    [InlineData("{matchLabels: {\"reserved:host\": \"\"}}")]
    [InlineData("{matchExpressions: [{key: \"k8s:io.kubernetes.pod.namespace\", operator: In, values: [a, b]}]}")]
    [InlineData("{matchExpressions: [{key: \"reserved:kube-apiserver\", operator: Exists}]}")]
    [InlineData("{}")]
    public void KnownSourcePrefixes_AreAccepted(string selector) => Selector(selector).AssertClean();

    [Fact]
    public void UnknownSourcePrefix_IsAnErrorWithSuggestion()
    {
        var finding = Selector("{matchLabels: {\"k8:app\": web}}").Only("spec.ingress[0].fromEndpoints[0].matchLabels.k8:app", "unknown label source \"k8:\" in selector key \"k8:app\"");

        Assert.Equal("did you mean \"k8s:\"?", finding.Hint);
    }

    [Fact]
    public void UnknownSourcePrefix_InAnExpression_IsAnErrorAtTheKey() =>
        Selector("{matchExpressions: [{key: \"pod:app\", operator: Exists}]}")
            .Only("spec.ingress[0].fromEndpoints[0].matchExpressions[0].key", "unknown label source \"pod:\"");

    [Theory]
    [InlineData("cidr")]
    [InlineData("fqdn")]
    [InlineData("cidrgroup")]
    public void KnownButUnsupportedSource_IsRejected(string source) =>
        Selector($"{{matchLabels: {{\"{source}:x\": \"\"}}}}")
            .Only($"spec.ingress[0].fromEndpoints[0].matchLabels.{source}:x", $"the label source \"{source}:\" in selector key \"{source}:x\" is not supported by Palisade");

    [Fact]
    public void KeyAfterThePrefix_IsCheckedAsALabelKey() =>
        Selector("{matchLabels: {\"k8s:-app\": web}}").Only("spec.ingress[0].fromEndpoints[0].matchLabels.k8s:-app", "invalid label key \"-app\"");

    [Fact]
    public void KeyAfterThePrefix_InAnExpression_IsCheckedAsALabelKey() =>
        Selector("{matchExpressions: [{key: \"any:a b\", operator: Exists}]}")
            .Only("spec.ingress[0].fromEndpoints[0].matchExpressions[0].key", "invalid label key \"a b\"");

    [Fact]
    public void UnknownReservedName_IsAWarning()
    {
        var finding = Selector("{matchLabels: {\"reserved:hots\": \"\"}}")
            .Only("spec.ingress[0].fromEndpoints[0].matchLabels.reserved:hots", "\"reserved:hots\" is not a reserved identity label; it selects nothing", Severity.Warning);

        Assert.Equal("did you mean \"reserved:host\"?", finding.Hint);
    }

    [Fact]
    public void ExpressionProblems_KeepTheirIndexes()
    {
        var result = Selector("{matchExpressions: [{key: app, operator: Exists}, {key: \"k8s:tier\", operator: In}]}");

        result.Only("spec.ingress[0].fromEndpoints[0].matchExpressions[1].values", "values must be specified when operator is In");
    }

    [Fact]
    public void EverySelectorList_IsValidated()
    {
        var result = CiliumTestKit.Ccnp("""
            endpointSelector: {matchLabels: {"x:a": b}}
            ingressDeny: [{fromEndpoints: [{matchLabels: {"x:a": b}}]}]
            egress: [{toNodes: [{matchLabels: {"x:a": b}}]}]
            egressDeny: [{toEndpoints: [{matchLabels: {"x:a": b}}]}]
            """);

        Assert.Equal(4, result.Errors.Count(e => e.Message.StartsWith("unknown label source \"x:\"", StringComparison.Ordinal)));
        Assert.Equal(4, result.Findings.Count);
    }
}
