using Palisade.Policy.Diagnostics;
using Palisade.Policy.Tests.Support;

namespace Palisade.Policy.Tests.Validation;

/// <summary>Loading reports every problem of a file in one run, each located and explained.</summary>
public class AllProblemsAtOnceTests
{
    private const string FiveErrors = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: many-errors
          namespace: shop
        spec:
          podSelector:
            matchExpressions:
            - {key: app, operator: in, values: [web]}
          ingres: []
          egress:
          - to:
            - ipBlock: {cidr: 10.0.0.0/33}
            ports:
            - {port: 0}
          policyTypes: [Ingress, Egres]
        """;

    [Fact]
    public void FiveDistinctErrors_AreAllReported()
    {
        var set = Manifests.Load(FiveErrors);

        var errors = set.Errors().Select(d => (d.Location.Line, d.Location.Column, d.FieldPath)).Order().ToList();
        Assert.Equal(
        [
            (9, 28, "spec.podSelector.matchExpressions[0].operator"),
            (10, 3, "spec.ingres"),
            (13, 23, "spec.egress[0].to[0].ipBlock.cidr"),
            (15, 14, "spec.egress[0].ports[0].port"),
            (16, 26, "spec.policyTypes[1]"),
        ], errors);
        Assert.Equal(5, set.Diagnostics.Count);
    }

    [Fact]
    public void EveryError_HasFileLineColumnPathAndMessage()
    {
        var set = Manifests.Load(FiveErrors);

        Assert.All(set.Errors(), d =>
        {
            Assert.Equal(Manifests.File, d.Location.File);
            Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1, d.ToString());
            Assert.False(string.IsNullOrWhiteSpace(d.FieldPath), d.ToString());
            Assert.False(string.IsNullOrWhiteSpace(d.Message), d.ToString());
            Assert.StartsWith($"{Manifests.File}:{d.Location.Line}:{d.Location.Column}: error: {d.FieldPath}: ", d.ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ErrorsInSeveralDocumentsAndKinds_AreAllReported()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: Pod
            metadata: {name: Web}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: a}
            spec: {podSelector: {}, ingress: [{from: [{}]}]}
            ---
            apiVersion: networking.k8s.io/v1beta1
            kind: NetworkPolicy
            metadata: {name: b}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec: {replicas: two}
            """);

        var errors = set.Errors().Select(d => (d.Location.Line, d.FieldPath)).ToList();
        Assert.Equal([(3, "metadata.name"), (8, "spec.ingress[0].from[0]"), (10, "apiVersion"), (17, "spec.replicas"), (17, "spec")], errors);
    }
}
