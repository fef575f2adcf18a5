using Palisade.Lab.Model;
using Palisade.Lab.Workloads;

namespace Palisade.Lab.Tests.Workloads;

public sealed class WorkloadImagesTests
{
    [Theory]
    [InlineData("quay.io/cilium/starwars", "Deathstar")]
    [InlineData("quay.io/cilium/starwars:v2.1", "Deathstar")]
    [InlineData("quay.io/cilium/starwars@sha256:896dc536ec505778c03efedb73c3b7b83c8de11e74264c8c35291ff6d5fe8ada", "Deathstar")]
    [InlineData("docker.io/cilium/starwars:latest", "Deathstar")]
    [InlineData("cilium/starwars", "Deathstar")]
    [InlineData("localhost:5000/cilium/json-mock:v1.3.8@sha256:abc", "JsonMock")]
    [InlineData("quay.io/cilium/json-mock", "JsonMock")]
    [InlineData("quay.io/cilium/starwars-other", "Generic")]
    [InlineData("quay.io/empire/cilium/starwars", "Generic")]
    [InlineData("nginx:1.27", "Generic")]
    [InlineData("", "Generic")]
    public void KindOfImage_Name_IgnoresRegistryTagAndDigest(string image, string kind) =>
        Assert.Equal(Enum.Parse<WorkloadKind>(kind), WorkloadImages.KindOfImage(image));

    [Fact]
    public void ListeningPorts_DemoImageWithoutPorts_ListensOnTcp80()
    {
        var spec = new WorkloadSpec("default/deathstar", "ns", "deathstar", "quay.io/cilium/starwars", []);

        Assert.Equal([new LabPort("http", 80, LabProtocol.Tcp)], WorkloadImages.ListeningPorts(spec));
    }

    [Fact]
    public void ListeningPorts_DemoImageDeclaring80_ListensOnItOnce()
    {
        var declared = new LabPort("web", 80, LabProtocol.Tcp);
        var spec = new WorkloadSpec("default/xwing", "ns", "xwing", "quay.io/cilium/json-mock", [declared, new LabPort(null, 80, LabProtocol.Udp)]);

        Assert.Equal([declared, new LabPort(null, 80, LabProtocol.Udp)], WorkloadImages.ListeningPorts(spec));
    }

    [Fact]
    public void ListeningPorts_GenericImage_ListensOnlyOnDeclaredPorts()
    {
        var spec = new WorkloadSpec("default/web", "ns", "web", "nginx", [new LabPort(null, 8443, LabProtocol.Tcp)]);

        Assert.Equal([new LabPort(null, 8443, LabProtocol.Tcp)], WorkloadImages.ListeningPorts(spec));
    }

    [Fact]
    public void ListeningPorts_WorldHost_ListensOn80And443()
    {
        var spec = new WorkloadSpec("world/twitter", "ns", "twitter", null, [], ["api.twitter.com"]);

        Assert.Equal(WorkloadKind.World, WorkloadImages.KindOf(spec));
        Assert.Equal([80, 443], WorkloadImages.ListeningPorts(spec).Select(p => p.Port));
    }
}
