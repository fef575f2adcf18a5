using System.Net;
using Palisade.Lab.State;
using Palisade.Lab.Store;
using Palisade.Lab.Topology;

namespace Palisade.Lab.Tests.State;

public sealed class PlacementTests
{
    private static readonly AddressPlan Plan = new(new LabConfig());

    private static readonly IReadOnlyList<NodeView> Nodes =
    [
        new("node-1", 1, NodeView.DefaultLabels("node-1"), Plan.Node(1), Plan.PodBlock(1), "n1"),
        new("node-2", 2, new Dictionary<string, string>(NodeView.DefaultLabels("node-2")) { ["disk"] = "ssd" }, Plan.Node(2), Plan.PodBlock(2), "n2"),
    ];

    private static PodSpecView Pod(string name, string? nodeName = null, Dictionary<string, string>? selector = null) =>
        new("default", name, new Dictionary<string, string>(), [], null, nodeName, selector, null);

    [Fact]
    public void Place_PodsWithoutConstraints_AlternateBetweenNodesAndTakeTheFirstFreeAddress()
    {
        var placement = new Placement(Nodes, []);
        var placed = Enumerable.Range(0, 4).Select(i => placement.Place(Pod("p" + i))).ToList();
        Assert.Equal(["node-1", "node-2", "node-1", "node-2"], placed.Select(p => p.Node!.Name));
        Assert.Equal(["10.244.1.1", "10.244.2.1", "10.244.1.2", "10.244.2.2"], placed.Select(p => p.Address!.ToString()));
    }

    [Fact]
    public void Place_NodeNameAndSelector_AreHonouredAndExistingPodsCount()
    {
        var existing = new PodRecord("default", "old", "node-1", IPAddress.Parse("10.244.1.1"), "x", "Running", true, 0, "", null, DateTimeOffset.UnixEpoch);
        var placement = new Placement(Nodes, [existing]);
        Assert.Equal("node-1", placement.Place(Pod("a", nodeName: "node-1")).Node!.Name);
        Assert.Equal(IPAddress.Parse("10.244.1.3"), placement.Place(Pod("b", nodeName: "node-1")).Address);   // .1 is taken, "a" took .2
        Assert.Equal("node-2", placement.Place(Pod("c", selector: new() { ["disk"] = "ssd" })).Node!.Name);
        Assert.Equal("node-2", placement.Place(Pod("d", selector: new() { ["beta.kubernetes.io/os"] = "linux" })).Node!.Name);
    }

    [Fact]
    public void Place_Impossible_SaysWhyAsTheSchedulerWould()
    {
        var placement = new Placement(Nodes, []);
        Assert.Contains("node-9 is not a node of this lab", placement.Place(Pod("a", nodeName: "node-9")).Reason, StringComparison.Ordinal);
        Assert.Equal("0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector", placement.Place(Pod("b", selector: new() { ["gpu"] = "yes" })).Reason);
    }
}
