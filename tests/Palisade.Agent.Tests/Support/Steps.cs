namespace Palisade.Agent.Tests.Support;

/// <summary>A sequence of cluster states exercising every kind of update: policies, pods, labels, CIDRs, ICMP, deletions.</summary>
internal static class Steps
{
    private const string Probe = """
        apiVersion: v1
        kind: Pod
        metadata: {name: probe, namespace: default, labels: {org: empire, class: probe}}
        spec: {nodeName: node-1, containers: [{name: c, image: x}]}
        status: {podIP: 10.244.0.12}
        """;

    private const string Egress = """
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: tiefighter-out, namespace: default}
        spec:
          endpointSelector: {matchLabels: {class: tiefighter}}
          egress:
          - toCIDRSet: [{cidr: 203.0.113.0/24, except: [203.0.113.128/25]}]
            toPorts: [{ports: [{port: "443", protocol: TCP}, {port: "8000", endPort: 8100, protocol: TCP}]}]
          - toEndpoints: [{matchLabels: {class: xwing}}]
            icmps: [{fields: [{type: 8, family: IPv4}]}]
          - toEndpoints: [{matchLabels: {class: deathstar}}]
            toPorts: [{ports: [{port: "http", protocol: TCP}]}]
        """;

    /// <summary>The states, in order, each a list of YAML documents.</summary>
    public static IReadOnlyList<(string Name, string[] Documents)> All { get; } =
    [
        ("no policy", [Clusters.StarWars]),
        ("rule1", [Clusters.StarWars, Clusters.Rule1]),
        ("a pod added", [Clusters.StarWars, Clusters.Rule1, Probe]),
        ("xwing relabelled into the empire", [Clusters.StarWars.Replace("org: alliance", "org: empire", StringComparison.Ordinal), Clusters.Rule1, Probe]),
        ("egress with CIDR, except, ranges, named port and ICMP", [Clusters.StarWars, Clusters.Rule1, Probe, Egress]),
        ("the CIDR narrowed", [Clusters.StarWars, Clusters.Rule1, Probe, Egress.Replace("203.0.113.0/24", "203.0.113.0/25", StringComparison.Ordinal).Replace("except: [203.0.113.128/25]", "except: [203.0.113.64/26]", StringComparison.Ordinal)]),
        ("a pod deleted", [Clusters.StarWars, Clusters.Rule1, Egress]),
        ("policies deleted", [Clusters.StarWars]),
    ];
}
