using Palisade.Policy.Diagnostics;
using Palisade.Policy.Tests.Support;

namespace Palisade.Policy.Tests.Validation;

/// <summary>Peer rules (at least one selector; ipBlock alone) and policyTypes rules.</summary>
public class PeerAndPolicyTypeRuleTests
{
    [Fact]
    public void Peer_WithNoSelector_IsAnErrorAtThePeer()
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
                - {}
            """);

        set.Expect(Severity.Error, "spec.ingress[0].from[0]", 9, 7, "must specify a peer", "drop the whole from/to list");
        Assert.Single(set.Errors());
    }

    [Fact]
    public void Peer_NullItem_IsAnEmptyPeer()
    {
        // Go decodes a null list item as the zero value, so "- " alone is an empty peer, as above.
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {}
              egress:
              - to:
                -
            """);

        set.Expect(Severity.Error, "spec.egress[0].to[0]", 9, 6, "must specify a peer");
    }

    [Theory]
    [InlineData("podSelector")]
    [InlineData("namespaceSelector")]
    public void IpBlock_WithASelector_IsAnErrorAtThePeer(string selector)
    {
        var set = Manifests.Load($$"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {}
              egress:
              - to:
                - ipBlock: {cidr: 10.0.0.0/8}
                  {{selector}}: {}
            """);

        set.Expect(Severity.Error, "spec.egress[0].to[0]", 9, 7, "may not specify both ipBlock and another peer", "put ipBlock in a peer of its own");
        Assert.Single(set.Errors());
    }

    [Fact]
    public void PodAndNamespaceSelector_TogetherAreOnePeer() => Manifests.Load("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: test
        spec:
          podSelector: {}
          ingress:
          - from:
            - namespaceSelector: {}
              podSelector: {matchLabels: {app: web}}
        """).AssertClean();

    [Theory]
    [InlineData("[Ingress, ingress]", 1, 26)]
    [InlineData("[Both]", 0, 17)]
    [InlineData("[Egress, \"\"]", 1, 25)]
    public void PolicyType_Unsupported_IsAnErrorAtTheItem(string types, int index, int column)
    {
        var set = Manifests.Load($$"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {}
              policyTypes: {{types}}
            """);

        set.Expect(Severity.Error, $"spec.policyTypes[{index}]", 7, column, "unsupported policyType", "supported values: \"Ingress\", \"Egress\" (case-sensitive)");
        Assert.Single(set.Errors());
    }

    [Fact]
    public void PolicyTypes_MoreThanTwo_IsAnErrorAtTheList()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              podSelector: {}
              policyTypes:
              - Ingress
              - Egress
              - Ingress
            """);

        set.Expect(Severity.Error, "spec.policyTypes", 8, 3, "may not specify more than two policyTypes");
        Assert.Single(set.Errors());
    }

    [Fact]
    public void Spec_Missing_IsAnError()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            """);

        set.Expect(Severity.Error, "spec", 1, 1, "spec is required", "podSelector: {}");
    }

    [Fact]
    public void PodSelector_Missing_IsAnErrorAtTheSpec()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: test
            spec:
              policyTypes: [Ingress]
            """);

        set.Expect(Severity.Error, "spec.podSelector", 6, 3, "podSelector is required", "podSelector: {}");
    }
}
