using Palisade.Policy.Loading;
using Palisade.Policy.Tests.Support;

namespace Palisade.Policy.Tests.Loading;

/// <summary>The public sock-shop demo (shared/fixtures/real-world) loads as Kubernetes would run it.</summary>
public class RealWorldManifestTests
{
    private static ManifestSet LoadSockShop()
    {
        var path = Path.Combine(TestFiles.SharedFixtures, "real-world", "sock-shop-complete-demo.yaml");
        return ManifestLoader.Load(ManifestFiles.Read([path], TextReader.Null, new()));
    }

    [Fact]
    public void SockShop_LoadsWithoutErrors()
    {
        var set = LoadSockShop();

        Assert.False(set.HasErrors, set.Listing());
    }

    [Fact]
    public void SockShop_HasOnePodPerDeployment()
    {
        var set = LoadSockShop();

        Assert.Equal(14, set.Pods.Count);
        Assert.All(set.Pods.GroupBy(p => p.Workload), g =>
        {
            Assert.Equal("Deployment", g.Key?.Kind);
            Assert.Single(g);
        });
        Assert.All(set.Pods, p => Assert.Equal("sock-shop", p.Namespace));
        Assert.Contains(set.Pods, p => p.Workload?.Name == "front-end" && p.Pod.Metadata.Labels["name"] == "front-end");
    }

    [Fact]
    public void SockShop_HasItsNamespaceAndServices()
    {
        var set = LoadSockShop();

        Assert.Equal(["sock-shop"], set.Namespaces.Select(n => n.Object.Metadata.Name));
        Assert.Equal(14, set.Services.Count);
        Assert.Empty(set.NetworkPolicies);
    }
}
