using Palisade.Policy.Diagnostics;
using Palisade.Policy.Tests.Support;

namespace Palisade.Policy.Tests.Validation;

/// <summary>apimachinery's label selector rules, as reported for a NetworkPolicy's selectors.</summary>
public class LabelSelectorRuleTests
{
    [Theory]
    [InlineData("in", "did you mean \"In\"?")]
    [InlineData("notin", "did you mean \"NotIn\"?")]
    [InlineData("Equals", "use one of In, NotIn, Exists, DoesNotExist")]
    public void Operator_NotOneOfTheFour_IsAnErrorAtTheOperator(string op, string hint)
    {
        var set = Manifests.Load($"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector:
                matchExpressions:
                - key: app
                  operator: {op}
                  values: [web]
            """);

        set.Expect(Severity.Error, "spec.podSelector.matchExpressions[0].operator", 9, 17, $"\"{op}\" is not a valid selector operator", hint);
        Assert.Single(set.Errors());
    }

    [Fact]
    public void Operator_Missing_IsAnErrorAtTheRequirement()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector:
                matchExpressions:
                - key: app
            """);

        set.Expect(Severity.Error, "spec.podSelector.matchExpressions[0].operator", 8, 7, "operator is required");
    }

    [Theory]
    [InlineData("In")]
    [InlineData("NotIn")]
    public void SetOperator_WithoutValues_IsAnErrorAtTheRequirement(string op)
    {
        var set = Manifests.Load($"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector:
                matchExpressions:
                - key: app
                  operator: {op}
            """);

        set.Expect(Severity.Error, "spec.podSelector.matchExpressions[0].values", 8, 7, $"values must be specified when operator is {op}", "list at least one value");
    }

    [Fact]
    public void In_WithAnEmptyList_IsAnErrorAtTheList()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector:
                matchExpressions:
                - {key: app, operator: In, values: []}
            """);

        set.Expect(Severity.Error, "spec.podSelector.matchExpressions[0].values", 8, 40, "values must be specified when operator is In");
    }

    [Theory]
    [InlineData("Exists")]
    [InlineData("DoesNotExist")]
    public void ExistenceOperator_WithValues_IsAnErrorAtTheValues(string op)
    {
        var set = Manifests.Load($"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector:
                matchExpressions:
                - key: app
                  operator: {op}
                  values:
                  - web
            """);

        set.Expect(Severity.Error, "spec.podSelector.matchExpressions[0].values", 11, 7, $"values may not be specified when operator is {op}", "remove values");
    }

    [Theory]
    [InlineData("-app", "the name part must consist of alphanumeric characters")]
    [InlineData("a/b/c", "at most one prefix and a name")]
    [InlineData("Example.COM/app", "prefix part a lowercase RFC 1123 subdomain")]
    [InlineData("/app", "the prefix part must not be empty")]
    public void MatchLabels_InvalidKey_IsAnErrorAtTheEntry(string key, string reason)
    {
        var set = Manifests.Load($"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector:
                matchLabels:
                  "{key}": web
            """);

        var d = Assert.Single(set.Errors());
        Assert.Equal(new SourceLocation(Manifests.File, 8, 11 + key.Length), d.Location);
        Assert.StartsWith("spec.podSelector.matchLabels", d.FieldPath, StringComparison.Ordinal);
        Assert.Contains($"invalid label key \"{key}\"", d.Message, StringComparison.Ordinal);
        Assert.Contains(reason, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MatchLabels_KeyWithDots_IsQuotedInThePath()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector:
                matchLabels:
                  app.kubernetes.io/name: -web
            """);

        set.Expect(Severity.Error, "spec.podSelector.matchLabels[\"app.kubernetes.io/name\"]", 8, 31, "invalid label value \"-web\"");
    }

    [Theory]
    [InlineData("\"-web\"", "must start and end with an alphanumeric character")]
    [InlineData("\"web app\"", "must consist of alphanumeric characters")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "must be no more than 63 characters")]
    public void MatchLabels_InvalidValue_IsAnErrorAtTheValue(string value, string reason)
    {
        var set = Manifests.Load($"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector:
                matchLabels:
                  app: {value}
            """);

        var d = set.Expect(Severity.Error, "spec.podSelector.matchLabels.app", 8, 12, "invalid label value");
        Assert.Contains(reason, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MatchExpressions_InvalidKeyAndValue_AreEachReportedAtTheirNode()
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
                - namespaceSelector:
                    matchExpressions:
                    - key: team_
                      operator: NotIn
                      values: [ok, "not ok"]
            """);

        set.Expect(Severity.Error, "spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].key", 11, 16, "invalid label key \"team_\"");
        set.Expect(Severity.Error, "spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].values[1]", 13, 24, "invalid label value \"not ok\"");
        Assert.Equal(2, set.Errors().Count);
    }

    [Fact]
    public void ValidSelectors_AreAccepted()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector:
                matchLabels: {app: web, app.kubernetes.io/part-of: shop, empty: ""}
                matchExpressions:
                - {key: tier, operator: In, values: [a, b]}
                - {key: tier, operator: NotIn, values: [c]}
                - {key: canary, operator: Exists}
                - {key: example.com/legacy, operator: DoesNotExist}
            """);

        set.AssertClean();
    }
}
