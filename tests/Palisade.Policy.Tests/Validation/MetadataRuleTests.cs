using Palisade.Policy.Diagnostics;
using Palisade.Policy.Tests.Support;

namespace Palisade.Policy.Tests.Validation;

/// <summary>Names: every object needs a valid metadata.name, and a namespaced object a valid namespace.</summary>
public class MetadataRuleTests
{
    [Fact]
    public void Name_Missing_IsAnErrorAtMetadata()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              namespace: shop
            spec:
              podSelector: {}
            """);

        set.Expect(Severity.Error, "metadata.name", 4, 3, "NetworkPolicy has no metadata.name", "give the object a name");
        Assert.Empty(set.NetworkPolicies);
    }

    [Fact]
    public void Metadata_Missing_IsAnErrorAtTheObject()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: Pod
            spec:
              containers: [{name: web, image: nginx}]
            """);

        set.Expect(Severity.Error, "metadata.name", 1, 1, "Pod has no metadata.name");
        Assert.Empty(set.Pods);
    }

    [Theory]
    [InlineData("Web", "a lowercase RFC 1123 subdomain")]
    [InlineData("web_1", "a lowercase RFC 1123 subdomain")]
    [InlineData("-web", "a lowercase RFC 1123 subdomain")]
    [InlineData("web.", "a lowercase RFC 1123 subdomain")]
    public void Name_Invalid_IsAnErrorAtTheName(string name, string reason)
    {
        var set = Manifests.Load($"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: {name}
            spec:
              podSelector: {"{}"}
            """);

        set.Expect(Severity.Error, "metadata.name", 4, 9, $"invalid name \"{name}\": {reason}");
        Assert.Empty(set.NetworkPolicies);
    }

    [Fact]
    public void Name_TooLong_IsAnError()
    {
        var name = new string('a', 254);
        var set = Manifests.Load($"""
            apiVersion: v1
            kind: Service
            metadata:
              name: {name}
            """);

        set.Expect(Severity.Error, "metadata.name", 4, 9, "must be no more than 253 characters");
    }

    [Fact]
    public void Name_WithDots_IsValidForAPolicyButNotForANamespace()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: allow.dns
            spec:
              podSelector: {}
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: team.a
            """);

        var d = Assert.Single(set.Errors());
        Assert.Equal(new SourceLocation(Manifests.File, 11, 9), d.Location);
        Assert.Contains("invalid name \"team.a\": a lowercase RFC 1123 label", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Namespace_Invalid_IsAnErrorAtTheNamespace()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: Shop
            spec:
              containers: [{name: web, image: nginx}]
            """);

        set.Expect(Severity.Error, "metadata.namespace", 5, 14, "invalid namespace \"Shop\"");
    }
}
