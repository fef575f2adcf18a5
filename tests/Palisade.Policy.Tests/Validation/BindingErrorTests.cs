using Palisade.Policy.Binding;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Tests.Support;

namespace Palisade.Policy.Tests.Validation;

/// <summary>Unknown fields and type mismatches, reported by the binder with the field path.</summary>
public class BindingErrorTests
{
    [Theory]
    [InlineData("podselector", "podSelector")]
    [InlineData("ingres", "ingress")]
    [InlineData("Egress", "egress")]
    [InlineData("policyType", "policyTypes")]
    public void UnknownSpecField_IsAnErrorWithASuggestion(string field, string suggestion)
    {
        var set = Manifests.Load($"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {"{}"}
              {field}: []
            """);

        set.Expect(Severity.Error, $"spec.{field}", 7, 3, $"unknown field \"{field}\"", $"did you mean \"{suggestion}\"?");
    }

    [Fact]
    public void UnknownField_WithNothingClose_SaysToRemoveIt()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {}
              l7Rules: {http: []}
            """);

        set.Expect(Severity.Error, "spec.l7Rules", 7, 3, "unknown field \"l7Rules\"", "remove it or move it to where it belongs");
    }

    [Fact]
    public void UnknownField_WithABlockValue_IsReportedAtTheKeyNotTheValue()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {}
              ingres:
              - from: []
            """);

        set.Expect(Severity.Error, "spec.ingres", 7, 3, "unknown field \"ingres\"", "did you mean \"ingress\"?");
    }

    [Fact]
    public void UnknownField_DeepInAPeer_HasItsFullPath()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {}
              ingress:
              - from:
                - podSelector: {}
                  namespaceSelectr: {}
            """);

        set.Expect(Severity.Error, "spec.ingress[0].from[0].namespaceSelectr", 10, 7, "unknown field", "did you mean \"namespaceSelector\"?");
    }

    [Fact]
    public void UnknownField_OnAWorkload_IsOnlyAWarning()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers: [{name: web, image: nginx}]
              hostnetwork: true
            """);

        set.Expect(Severity.Warning, "spec.hostnetwork", 7, 3, "unknown field \"hostnetwork\" is ignored", "did you mean \"hostNetwork\"?");
        Assert.Single(set.Pods);
    }

    [Fact]
    public void String_WhereAListIsExpected_IsAMismatch()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {}
              policyTypes: Ingress
            """);

        set.Expect(Severity.Error, "spec.policyTypes", 7, 16, "expected a list, found the string \"Ingress\"");
    }

    [Fact]
    public void List_WhereAMappingIsExpected_IsAMismatch()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector:
              - app: web
            """);

        set.Expect(Severity.Error, "spec.podSelector", 7, 3, "expected a mapping, found a list");
        Assert.Single(set.Errors()); // not also "podSelector is required": it is there, only unreadable
    }

    [Theory]
    [InlineData("5", "the number 5", "quote it: \"5\"")]
    [InlineData("on", "the boolean on", "quote it: \"on\"")]
    [InlineData("1.0", "the number 1.0", "quote it: \"1.0\"")]
    public void LabelValue_ThatIsNotAString_IsAMismatchWithAHintToQuote(string value, string found, string hint)
    {
        var set = Manifests.Load($"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector:
                matchLabels:
                  version: {value}
            """);

        set.Expect(Severity.Error, "spec.podSelector.matchLabels.version", 8, 16, $"expected a string, found {found}", hint);
    }

    [Theory]
    [InlineData("80.5", "a number or a string", "the number 80.5")]
    [InlineData("true", "a number or a string", "the boolean true")]
    [InlineData("[80]", "a number or a string", "a list")]
    public void Port_OfTheWrongType_IsAMismatch(string port, string expected, string found)
    {
        var set = Manifests.Load($$"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {}
              ingress:
              - ports: [{port: {{port}}}]
            """);

        set.Expect(Severity.Error, "spec.ingress[0].ports[0].port", 8, 20, $"expected {expected}, found {found}");
    }

    [Fact]
    public void Cidr_AsAList_IsOnlyAMismatch()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {}
              egress:
              - to: [{ipBlock: {cidr: [10.0.0.0/8]}}]
            """);

        set.Expect(Severity.Error, "spec.egress[0].to[0].ipBlock.cidr", 8, 27, "expected a string, found a list");
        Assert.Single(set.Errors());
    }

    [Fact]
    public void EndPort_AsAString_IsAMismatch()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {}
              ingress:
              - ports: [{port: 80, endPort: "90"}]
            """);

        set.Expect(Severity.Error, "spec.ingress[0].ports[0].endPort", 8, 33, "expected a whole number, found the string \"90\"");
    }

    [Theory]
    [InlineData("010", "8")]
    [InlineData("0x50", "80")]
    [InlineData("8_080", "8080")]
    public void Port_InYaml11Notation_IsTheNumberKubectlReads(string port, string value)
    {
        var set = Manifests.Load($$"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {}
              ingress:
              - ports: [{port: {{port}}}]
            """);

        set.AssertClean();
        var bound = set.NetworkPolicies[0].Object.Spec.Ingress[0].Ports[0].Port;
        Assert.IsNotType<StringIntOrString>(bound);
        Assert.Equal(value, bound.Value);
    }

    [Fact]
    public void Port_BeyondThirtyTwoBits_IsAMismatchNotACrash()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {}
              ingress:
              - ports: [{port: 9999999999, endPort: 9999999999}]
            """);

        set.Expect(Severity.Error, "spec.ingress[0].ports[0].port", 8, 20, "expected a 32-bit whole number or a string, found the number 9999999999");
        set.Expect(Severity.Error, "spec.ingress[0].ports[0].endPort", 8, 41, "expected a whole number, found the number 9999999999");
        Assert.Equal(2, set.Diagnostics.Count);
    }

    [Fact]
    public void QuotedPort_BindsAsANamedPort()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {}
              ingress:
              - ports: [{port: "http"}, {port: 443}]
            """);

        var ports = set.NetworkPolicies[0].Object.Spec.Ingress[0].Ports;
        Assert.IsType<StringIntOrString>(ports[0].Port);
        Assert.Equal("http", ports[0].Port.Value);
        Assert.IsNotType<StringIntOrString>(ports[1].Port);
        Assert.Equal("443", ports[1].Port.Value);
    }

    [Fact]
    public void NullListItems_AreGoZeroValues()
    {
        // sigs.k8s.io/yaml decodes a null list item as the element's zero value: "" for a string, an empty object.
        var set = Manifests.Load(TestFiles.Read("fuzz", "regressions", "null-list-items.yaml"));

        set.AssertClean();
        var spec = Assert.Single(set.NetworkPolicies).Object.Spec;
        Assert.Equal(["", "web"], spec.PodSelector.MatchExpressions[0].Values);
        Assert.Equal(2, spec.Ingress.Count);
        Assert.NotNull(spec.Ingress[0]);
        Assert.Null(spec.Ingress[0].FromProperty);
        Assert.Null(Assert.Single(spec.Ingress[1].Ports).Port);
    }

    [Fact]
    public void DuplicateKey_IsAnErrorAtTheSecondKey()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector:
                matchLabels:
                  app: web
                  app: api
            """);

        set.Expect(Severity.Error, "spec.podSelector.matchLabels.app", 9, 7, "duplicate key \"app\"", "remove one of the two");
        Assert.Single(set.Errors());
    }
}
