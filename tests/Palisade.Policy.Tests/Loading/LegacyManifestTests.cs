using Palisade.Policy.Diagnostics;
using Palisade.Policy.Loading;
using Palisade.Policy.Tests.Support;

namespace Palisade.Policy.Tests.Loading;

/// <summary>Removed apiVersions and the pre-1.7 isolation annotation load, with a warning naming the replacement.</summary>
public class LegacyManifestTests
{
    private static ManifestSet LoadDemo() => ManifestLoader.LoadText(TestFiles.Read("loading", "legacy-complete-demo.yaml"), "legacy.yaml");

    [Fact]
    public void LegacyDemo_LoadsWithoutErrors()
    {
        var set = LoadDemo();

        Assert.False(set.HasErrors, set.Listing());
        Assert.Equal("carts-db", Assert.Single(set.Pods).Pod.Metadata.Labels["name"]);
        Assert.Equal("carts-db-access", Assert.Single(set.NetworkPolicies).Object.Metadata.Name);
    }

    [Fact]
    public void LegacyDemo_WarnsAboutEachLegacyConstruct()
    {
        var set = LoadDemo();

        Assert.Equal(
        [
            "legacy.yaml:8:44: warning: metadata.annotations[\"net.beta.kubernetes.io/network-policy\"]: the annotation net.beta.kubernetes.io/network-policy is no longer honoured (Kubernetes dropped it in 1.7); it isolates nothing (hint: express the isolation as a NetworkPolicy, e.g. a default-deny policy with podSelector: {} in this namespace)",
            "legacy.yaml:10:13: warning: apiVersion: extensions/v1beta1 Deployment was removed from Kubernetes in 1.16; loaded as apps/v1, update the manifest",
            "legacy.yaml:31:13: warning: apiVersion: extensions/v1beta1 NetworkPolicy was removed from Kubernetes in 1.16; loaded as networking.k8s.io/v1, update the manifest",
        ], set.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("apps/v1beta1", "Deployment", "apps/v1")]
    [InlineData("apps/v1beta2", "StatefulSet", "apps/v1")]
    [InlineData("extensions/v1beta1", "DaemonSet", "apps/v1")]
    [InlineData("extensions/v1beta1", "ReplicaSet", "apps/v1")]
    [InlineData("batch/v1beta1", "CronJob", "batch/v1")]
    public void RemovedWorkloadApiVersion_WarnsNamingTheReplacement(string apiVersion, string kind, string replacement)
    {
        var set = Manifests.Load($"""
            apiVersion: {apiVersion}
            kind: {kind}
            metadata: {"{name: old}"}
            spec:
              template: {"{metadata: {labels: {app: old}}}"}
              jobTemplate: {"{spec: {template: {metadata: {labels: {app: old}}}}}"}
            """.Replace(kind == "CronJob" ? "  template:" : "  jobTemplate:", "  unused:", StringComparison.Ordinal));

        var d = Assert.Single(set.Diagnostics, d => d.FieldPath == "apiVersion");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains($"{apiVersion} {kind} was removed from Kubernetes", d.Message, StringComparison.Ordinal);
        Assert.Contains($"loaded as {replacement}", d.Message, StringComparison.Ordinal);
        Assert.Single(set.Pods);
    }
}
