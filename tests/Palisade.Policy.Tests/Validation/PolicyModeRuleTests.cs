using Palisade.Policy.Diagnostics;
using Palisade.Policy.Tests.Support;
using Palisade.Policy.Validation;

namespace Palisade.Policy.Tests.Validation;

/// <summary>
/// The annotation <c>policy.palisade.dev/mode</c> takes audit or enforce, on every policy kind, on pods and on the pod
/// templates of workloads; any other value is an error at the annotation naming the accepted values.
/// </summary>
public class PolicyModeRuleTests
{
    private const string Field = "metadata.annotations[\"policy.palisade.dev/mode\"]";

    [Theory]
    [InlineData("audit")]
    [InlineData("enforce")]
    public void AcceptedValues_LoadCleanly_OnEveryKind(string mode)
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: np, namespace: shop, annotations: {policy.palisade.dev/mode: MODE}}
            spec: {podSelector: {}}
            ---
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: cnp, namespace: shop, annotations: {policy.palisade.dev/mode: MODE}}
            spec: {endpointSelector: {}, ingress: [{fromEntities: [world]}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, annotations: {policy.palisade.dev/mode: MODE}}
            spec: {containers: [{name: web, image: nginx}]}
            """.Replace("MODE", mode, StringComparison.Ordinal));

        set.AssertClean();
        Assert.Equal(mode == "audit", PolicyModeAnnotation.IsAudit(Assert.Single(set.NetworkPolicies).Object.Metadata.Annotations));
    }

    [Fact]
    public void OtherValue_OnANetworkPolicy_IsAnErrorAtTheAnnotation()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: np
              namespace: shop
              annotations:
                policy.palisade.dev/mode: dry-run
            spec:
              podSelector: {}
            """);

        var d = set.Expect(Severity.Error, Field, 7, 31, "unsupported mode \"dry-run\"", "accepted values: \"audit\"");
        Assert.Contains("\"enforce\" (the default)", d.Hint, StringComparison.Ordinal);
        Assert.Equal(
            "test.yaml:7:31: error: metadata.annotations[\"policy.palisade.dev/mode\"]: unsupported mode \"dry-run\" (hint: accepted values: \"audit\" (would-be drops are logged as AUDIT and let through), \"enforce\" (the default))",
            d.ToString());
    }

    [Theory]
    [InlineData("CiliumNetworkPolicy", "namespace: shop, ")]
    [InlineData("CiliumClusterwideNetworkPolicy", "")]
    public void OtherValue_OnACiliumPolicy_IsAnErrorAtTheAnnotation(string kind, string ns)
    {
        var set = Manifests.Load("""
            apiVersion: cilium.io/v2
            kind: KIND
            metadata: {name: p, NSannotations: {policy.palisade.dev/mode: Audit}}
            spec: {endpointSelector: {}, ingress: [{fromEntities: [world]}]}
            """.Replace("KIND", kind, StringComparison.Ordinal).Replace("NS", ns, StringComparison.Ordinal));

        set.Expect(Severity.Error, Field, 3, 61 + ns.Length, "unsupported mode \"Audit\"", "accepted values");
    }

    [Fact]
    public void OtherValue_OnAPod_IsAnErrorAtTheAnnotation()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, annotations: {policy.palisade.dev/mode: disabled}}
            spec: {containers: [{name: web, image: nginx}]}
            """);

        set.Expect(Severity.Error, Field, 3, 80, "unsupported mode \"disabled\"", "accepted values");
    }

    [Fact]
    public void OtherValue_OnAPodTemplate_IsAnErrorAtTheTemplatesAnnotation()
    {
        var set = Manifests.Load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata:
                  labels: {app: web}
                  annotations: {policy.palisade.dev/mode: yes-please}
                spec: {containers: [{name: web, image: nginx}]}
            """);

        set.Expect(Severity.Error, "spec.template." + Field, 9, 47, "unsupported mode \"yes-please\"", "accepted values");
    }
}
