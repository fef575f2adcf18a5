using System.Net;
using Palisade.Lab.Model;
using Palisade.Lab.Services;

namespace Palisade.Lab.Tests.Services;

public sealed class ServiceEndpointsTests
{
    private static readonly LabPort HttpPort = new("http", 8080, LabProtocol.Tcp);

    private static LabPod Pod(string ns, string name, string ip, IReadOnlyList<LabPort> ports, params (string Key, string Value)[] labels) =>
        new(ns, name, "node-1", IPAddress.Parse(ip), "unused", labels.ToDictionary(l => l.Key, l => l.Value), ports, null);

    private static LabService Service(string? targetPort, LabProtocol protocol = LabProtocol.Tcp, Dictionary<string, string>? selector = null) =>
        new("shop", "web", IPAddress.Parse("10.96.0.20"), selector ?? new() { ["app"] = "web", ["tier"] = "front" }, [new("http", 80, protocol, targetPort)]);

    private static readonly LabPod Web1 = Pod("shop", "web-1", "10.244.0.11", [HttpPort], ("app", "web"), ("tier", "front"), ("extra", "x"));
    private static readonly LabPod Web2 = Pod("shop", "web-2", "10.244.0.12", [HttpPort], ("app", "web"), ("tier", "front"));

    private static IReadOnlyList<ServiceBackend> Compute(LabService service, params LabPod[] pods) => ServiceEndpoints.Compute(service, pods, _ => true);

    [Fact]
    public void Compute_PodsWithEverySelectorPair_AreBackendsAndOthersAreNot()
    {
        var halfMatch = Pod("shop", "half", "10.244.0.13", [HttpPort], ("app", "web"));
        var wrongValue = Pod("shop", "wrong", "10.244.0.14", [HttpPort], ("app", "web"), ("tier", "back"));
        var backends = Compute(Service("http"), Web2, halfMatch, wrongValue, Web1);
        Assert.Equal(["shop/web-1", "shop/web-2"], backends.Select(b => b.PodKey));
        Assert.All(backends, b => Assert.Equal("shop/web", b.ServiceKey));
    }

    [Fact]
    public void Compute_MatchingPodInAnotherNamespace_IsNotABackend()
    {
        var elsewhere = Pod("other", "web-1", "10.244.0.21", [HttpPort], ("app", "web"), ("tier", "front"));
        Assert.Equal(["shop/web-1"], Compute(Service("http"), elsewhere, Web1).Select(b => b.PodKey));
    }

    [Fact]
    public void Compute_PodNotReady_IsNotABackend()
    {
        var backends = ServiceEndpoints.Compute(Service("http"), [Web1, Web2], p => p.Name == "web-2");
        Assert.Equal([IPAddress.Parse("10.244.0.12")], backends.Select(b => b.PodIp));
    }

    [Fact]
    public void Compute_NullOrEmptySelector_SelectsNoPod()
    {
        var noSelector = new LabService("shop", "web", IPAddress.Parse("10.96.0.20"), null, [new("http", 80, LabProtocol.Tcp, null)]);
        Assert.Empty(Compute(noSelector, Web1));
        Assert.Empty(Compute(Service("http", selector: []), Web1));
    }

    [Fact]
    public void Compute_NamedTargetPort_IsThePodsContainerPortOfThatName()
    {
        var backend = Assert.Single(Compute(Service("http"), Web1));
        Assert.Equal(8080, backend.TargetPort);
        Assert.Equal(80, backend.Port.Port);
    }

    [Fact]
    public void Compute_NumericTargetPort_IsThatNumber()
    {
        Assert.Equal(9090, Assert.Single(Compute(Service("9090"), Web1)).TargetPort);
    }

    [Fact]
    public void Compute_AbsentTargetPort_IsTheServicePort()
    {
        Assert.Equal(80, Assert.Single(Compute(Service(null), Web1)).TargetPort);
    }

    [Fact]
    public void Compute_PodWithoutTheNamedPort_IsSkippedForThatPort()
    {
        var other = Pod("shop", "web-3", "10.244.0.13", [new LabPort("metrics", 9100, LabProtocol.Tcp)], ("app", "web"), ("tier", "front"));
        Assert.Equal(["shop/web-1"], Compute(Service("http"), Web1, other).Select(b => b.PodKey));
    }

    [Fact]
    public void Compute_NamedPortOfAnotherProtocol_DoesNotCount()
    {
        Assert.Empty(Compute(Service("http", LabProtocol.Udp), Web1));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("99999999999")]
    public void Compute_NumericTargetPortOutOfRange_NamesTheService(string targetPort)
    {
        var e = Assert.Throws<LabException>(() => Compute(Service(targetPort), Web1));
        Assert.Contains("shop/web", e.Message);
    }

    [Fact]
    public void Compute_TwoPorts_GivesABackendPerPortAndPod()
    {
        var service = Service("http") with { Ports = [new("http", 80, LabProtocol.Tcp, "http"), new("alt", 8081, LabProtocol.Tcp, null)] };
        var backends = Compute(service, Web1, Web2);
        Assert.Equal([(80, 8080), (80, 8080), (8081, 8081), (8081, 8081)], backends.Select(b => (b.Port.Port, b.TargetPort)));
    }
}
