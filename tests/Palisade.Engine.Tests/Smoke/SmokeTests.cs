using Palisade.Engine.Analysis;
using Palisade.Engine.Ports;
using Palisade.Policy.Loading;

namespace Palisade.Engine.Tests.Smoke;

public class SmokeTests
{
    private const string Yaml = """
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: x, labels: {pod: a}}
        spec: {containers: [{name: c, image: i, ports: [{containerPort: 80, name: http}]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b, namespace: x, labels: {pod: b}}
        spec: {containers: [{name: c, image: i}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-b, namespace: x}
        spec:
          podSelector: {matchLabels: {pod: a}}
          ingress:
          - from: [{podSelector: {matchLabels: {pod: b}}}]
            ports: [{port: http}]
        """;

    [Fact]
    public void Engine_AllowsOnlyNamedPortFromB()
    {
        var set = ManifestLoader.LoadText(Yaml);
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics));
        var engine = EngineLoader.FromManifests(set);
        var m = ReachabilityMatrix.Compute(engine);
        var a = engine.Cluster.Find("x/a")!;
        var b = engine.Cluster.Find("x/b")!;
        Assert.Equal("TCP 80", m.Get(b, a).ToString());
        Assert.Equal("none", m.Get(a, a).ToString());
        Assert.Equal("all", m.Get(a, b).ToString());
    }

    [Fact]
    public void SockShop_Loads()
    {
        var text = File.ReadAllText(Path.Combine(FindShared(), "fixtures/real-world/sock-shop-complete-demo.yaml"));
        var set = ManifestLoader.LoadText(text, "sock-shop.yaml");
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics));
        Assert.Equal(14, set.Pods.Count);
    }

    private static string FindShared()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "fixtures"))) return candidate;
        }
        throw new DirectoryNotFoundException("shared/ not found above the test directory");
    }
}
