using Palisade.Policy.Diagnostics;
using Palisade.Policy.Loading;
using Palisade.Policy.Tests.Support;

namespace Palisade.Policy.Tests.Loading;

/// <summary>Namespaces (declared and implicit), pods as declared, and objects defined twice.</summary>
public class NamespaceAndPodTests
{
    [Fact]
    public void ReferencedNamespaces_AreImplicit_AndLabelledWithTheirName()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: front}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny, namespace: policies-only}
            spec: {podSelector: {}}
            """);

        set.AssertClean();
        Assert.Equal(["shop", "front", "policies-only"], set.Namespaces.Select(n => n.Object.Metadata.Name));
        Assert.All(set.Namespaces, n =>
        {
            Assert.Equal(n.Object.Metadata.Name, n.Object.Metadata.Labels[ManifestSetBuilder.NamespaceNameLabel]);
            Assert.Equal(["kubernetes.io/metadata.name"], n.Object.Metadata.Labels.Keys);
        });
        Assert.Equal(new SourceLocation(Manifests.File, 1, 1), set.Namespaces[0].Source.Location);
    }

    [Fact]
    public void DeclaredNamespace_KeepsItsLabels_AndGetsTheNameLabel()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels: {team: payments, kubernetes.io/metadata.name: wrong}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            """);

        var ns = Assert.Single(set.Namespaces).Object;
        Assert.Equal("payments", ns.Metadata.Labels["team"]);
        Assert.Equal("shop", ns.Metadata.Labels["kubernetes.io/metadata.name"]);
    }

    [Fact]
    public void Pod_KeepsStatusPodIpAndSpec()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web, labels: {app: web}}
            spec:
              hostNetwork: true
              containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]
            status:
              podIP: 10.244.1.7
              podIPs: [{ip: 10.244.1.7}, {ip: "fd00::7"}]
            """);

        var pod = Assert.Single(set.Pods);
        Assert.Equal("10.244.1.7", pod.Pod.Status.PodIP);
        Assert.Equal(["10.244.1.7", "fd00::7"], pod.Pod.Status.PodIPs.Select(ip => ip.Ip));
        Assert.True(pod.Pod.Spec.HostNetwork);
        Assert.Equal("http", pod.Pod.Spec.Containers[0].Ports[0].Name);
        Assert.Null(pod.Workload);
        Assert.Equal("default", pod.Namespace);
    }

    [Fact]
    public void ObjectDefinedTwice_WarnsAndTheLaterWins()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {v: "1"}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {v: "2"}}
            """);

        var d = set.Expect(Severity.Warning, "metadata.name", 7, 18, "Pod shop/web is defined again (first at test.yaml:1:1); the later definition is used");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("2", Assert.Single(set.Pods).Pod.Metadata.Labels["v"]);
    }

    [Fact]
    public void SameNameInDifferentNamespaces_IsNotADuplicate()
    {
        var set = Manifests.Load("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny, namespace: a}
            spec: {podSelector: {}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny, namespace: b}
            spec: {podSelector: {}}
            """);

        set.AssertClean();
        Assert.Equal(2, set.NetworkPolicies.Count);
    }

    [Fact]
    public void NamespaceDefinedTwice_Warns()
    {
        var set = Manifests.Load("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {second: "yes"}}
            """);

        Assert.Single(set.Warnings());
        Assert.Equal("yes", Assert.Single(set.Namespaces).Object.Metadata.Labels["second"]);
    }
}
