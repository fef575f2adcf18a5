using Palisade.Engine.Ports;
using Palisade.Engine.Tests.Support;
using static Palisade.Engine.Tests.Conformance.Scenario;

namespace Palisade.Engine.Tests.Conformance;

/// <summary>The model itself loads as upstream builds it, so the tables of the other cases mean what they say.</summary>
public class ModelTests
{
    [Fact]
    public void Without_policies_every_pod_reaches_every_pod_on_every_probe()
    {
        Verify(Model, On(Probe.All, TruthTable.AllAllowed), On([Probe.Tcp(8080), Probe.Udp(53)], TruthTable.AllAllowed));
    }

    [Fact]
    public void Pods_have_the_addresses_the_engine_would_assign_in_namespace_then_name_order()
    {
        var declared = ModelRun.Of(Model).Engine;
        var withoutStatus = Engines.FromYaml(Model.ToYaml().Replace("status: {podIP:", "# status: {podIP:", StringComparison.Ordinal));
        foreach (var (key, i) in NetpolModel.PodKeys.Select((k, i) => (k, i)))
        {
            Assert.Equal(Engines.Ip($"10.244.0.{i + 1}"), declared.Pod(key).PrimaryAddress);
            Assert.Equal(declared.Pod(key).PrimaryAddress, withoutStatus.Pod(key).PrimaryAddress);
        }
    }

    [Fact]
    public void Pods_serve_80_and_81_on_every_protocol_under_the_upstream_port_names()
    {
        var pod = ModelRun.Of(Model).Engine.Pod("y/b");
        Assert.Equal(80, pod.Resolve("serve-80-tcp", Protocol.Tcp));
        Assert.Equal(81, pod.Resolve("serve-81-udp", Protocol.Udp));
        Assert.Equal(81, pod.Resolve("serve-81-sctp", Protocol.Sctp));
        Assert.Null(pod.Resolve("serve-80-udp", Protocol.Tcp));
        Assert.Equal(6, pod.Ports.Count);
    }

    [Fact]
    public void Namespaces_carry_their_model_label_and_their_name_label()
    {
        var labels = ModelRun.Of(Model).Engine.Cluster.NamespaceByName["z"].Labels;
        Assert.Equal("z", labels["ns"]);
        Assert.Equal("z", labels["kubernetes.io/metadata.name"]);
    }
}
