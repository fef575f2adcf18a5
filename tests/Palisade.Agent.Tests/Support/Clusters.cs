using System.Net;
using System.Security.Cryptography;
using System.Text;
using Palisade.Datapath.Fake;
using Palisade.Datapath.Nft;
using Palisade.Engine;
using Palisade.Engine.Cluster;
using Palisade.Policy.Loading;

namespace Palisade.Agent.Tests.Support;

/// <summary>Engines built from YAML as the CLI builds them, and the pods' interface names as the lab makes them.</summary>
internal static class Clusters
{
    /// <summary>Two nodes and the star wars pods: deathstar and tiefighter on node-1, xwing on node-2.</summary>
    public const string StarWars = """
        apiVersion: v1
        kind: Node
        metadata: {name: node-1}
        status: {addresses: [{type: InternalIP, address: 172.18.0.2}]}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: node-2}
        status: {addresses: [{type: InternalIP, address: 172.18.0.3}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: deathstar, namespace: default, labels: {org: empire, class: deathstar}}
        spec: {nodeName: node-1, containers: [{name: c, image: x, ports: [{containerPort: 80, name: http}]}]}
        status: {podIP: 10.244.0.10}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: tiefighter, namespace: default, labels: {org: empire, class: tiefighter}}
        spec: {nodeName: node-1, containers: [{name: c, image: x}]}
        status: {podIP: 10.244.0.11}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: xwing, namespace: default, labels: {org: alliance, class: xwing}}
        spec: {nodeName: node-2, containers: [{name: c, image: x}]}
        status: {podIP: 10.244.1.10}
        """;

    /// <summary>The star wars demo's rule1: only the empire lands, on 80/TCP.</summary>
    public const string Rule1 = """
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: rule1, namespace: default}
        spec:
          endpointSelector: {matchLabels: {org: empire, class: deathstar}}
          ingress:
          - fromEndpoints: [{matchLabels: {org: empire}}]
            toPorts: [{ports: [{port: "80", protocol: TCP}]}]
        """;

    /// <summary>Loads <paramref name="documents"/> and builds the engine; fails listing the errors otherwise.</summary>
    public static PolicyEngine EngineOf(params string[] documents)
    {
        var yaml = string.Join("\n---\n", documents);
        var set = ManifestLoader.LoadText(yaml, "test.yaml");
        if (set.HasErrors) Assert.Fail($"the input has errors:\n{string.Join("\n", set.Diagnostics)}");
        return EngineLoader.FromManifests(set);
    }

    /// <summary>A pod's veth on its node: <c>lxc</c> and 8 hex digits of its key, as the lab names it.</summary>
    public static string Interface(string key) => "lxc" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];

    /// <summary>The interface of an endpoint.</summary>
    public static string? InterfaceOf(Endpoint endpoint) => Interface(endpoint.Key);

    /// <summary>An agent for <paramref name="node"/> over <paramref name="kernel"/>.</summary>
    public static NodeAgent AgentFor(string node, INftBackend kernel) => new(node, kernel, InterfaceOf);

    /// <summary>A TCP SYN from pod <paramref name="from"/> to pod <paramref name="to"/> as the node forwards it (a pod elsewhere comes from the fabric).</summary>
    public static Packet Syn(PolicyEngine engine, string node, string from, string to, int port) => Between(engine, node, from, to,
        (iif, oif, s, d) => Packet.TcpSyn(iif, oif, s, d, port));

    /// <summary>Any packet between two pods, built by <paramref name="make"/> from (in-interface, out-interface, source, destination).</summary>
    public static Packet Between(PolicyEngine engine, string node, string from, string to, Func<string, string, IPAddress, IPAddress, Packet> make)
    {
        var source = engine.Cluster.Find("default/" + from)!;
        var destination = engine.Cluster.Find("default/" + to)!;
        return make(source.NodeName == node ? Interface(source.Key) : "fabric0", destination.NodeName == node ? Interface(destination.Key) : "fabric0",
            IPAddress.Parse(source.PrimaryAddress.ToString()), IPAddress.Parse(destination.PrimaryAddress.ToString()));
    }

    /// <summary>Everything in a table as sorted text: each set with its elements, each chain with its rules' comments.</summary>
    public static string Contents(FakeNftables kernel, NftTable table) => Contents(kernel.List(table));

    /// <summary>A listing as sorted text (see <see cref="Contents(FakeNftables, NftTable)"/>).</summary>
    public static string Contents(NftListing listing)
    {
        var text = new StringBuilder();
        foreach (var set in listing.Sets.OrderBy(s => s.Set.Name, StringComparer.Ordinal))
        {
            text.Append(set.Set.Keyword).Append(' ').Append(set.Set.Name).Append(' ').Append(set.Set.Declaration).Append(": ")
                .AppendJoin(", ", set.Elements.Select(e => e.ToString()).Order(StringComparer.Ordinal)).Append('\n');
        }
        foreach (var chain in listing.Chains.OrderBy(c => c.Chain.Name, StringComparer.Ordinal))
        {
            text.Append("chain ").Append(chain.Chain.Name).Append(": ").AppendJoin(" | ", chain.RuleComments.Select(c => c ?? "-")).Append('\n');
        }
        return text.ToString();
    }
}
