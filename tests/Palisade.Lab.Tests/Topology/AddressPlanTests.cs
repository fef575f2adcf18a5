using System.Net;
using Palisade.Lab.Topology;

namespace Palisade.Lab.Tests.Topology;

public sealed class AddressPlanTests
{
    [Fact]
    public void Defaults_AreKindLike()
    {
        var plan = new AddressPlan(new LabConfig());
        Assert.Equal(IPAddress.Parse("172.18.0.1"), plan.Fabric);
        Assert.Equal(IPAddress.Parse("172.18.0.3"), plan.Node(2));
        Assert.Equal(IPNetwork.Parse("10.244.2.0/24"), plan.PodBlock(2));
        Assert.Equal(IPAddress.Parse("203.0.113.11"), plan.World(1));
        Assert.Equal(254, AddressPlan.Hosts(plan.PodBlock(1)).Count());
    }

    [Fact]
    public void SmallPodRange_IsSplitIntoOneBlockPerNode()
    {
        var plan = new AddressPlan(new LabConfig { Nodes = 3, PodCidr = IPNetwork.Parse("10.1.0.0/24") });
        Assert.Equal(26, plan.BlockPrefixLength);
        Assert.Equal(IPNetwork.Parse("10.1.0.192/26"), plan.PodBlock(3));
    }

    [Theory]
    [InlineData(0, "a lab has 1 to 16 nodes")]
    [InlineData(17, "a lab has 1 to 16 nodes")]
    public void Validated_ImpossibleShape_SaysWhich(int nodes, string message) =>
        Assert.Contains(message, Assert.Throws<LabException>(() => new LabConfig { Nodes = nodes }.Validated()).Message, StringComparison.Ordinal);

    [Fact]
    public void Naming_NamespacesCarryTheLabPrefixAndVethsFitTheKernelLimit()
    {
        var naming = new LabNaming("demo");
        Assert.Equal("pl-demo.p.default.web", naming.Pod("default", "web"));
        Assert.StartsWith("pl-demo.h.", naming.Pod("default", new string('x', 250)), StringComparison.Ordinal);
        Assert.True(LabNaming.PodVeth("default/web").Length <= 15);
        Assert.NotEqual(LabNaming.PodVeth("default/web"), LabNaming.PodVeth("default/web2"));
    }
}
