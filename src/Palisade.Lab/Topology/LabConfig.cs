using System.Net;
using System.Text.Json.Serialization;

namespace Palisade.Lab.Topology;

/// <summary>
/// The shape of a lab, fixed at <c>lab up</c>: how many nodes, the address ranges and the world's hosts. Stored with
/// the lab so that a restarted controller rebuilds the same addresses.
/// </summary>
public sealed record LabConfig
{
    /// <summary>Number of nodes (1-16).</summary>
    public int Nodes { get; init; } = 2;

    /// <summary>The cluster's pod range, split into one block per node.</summary>
    [JsonConverter(typeof(IPNetworkJsonConverter))]
    public IPNetwork PodCidr { get; init; } = IPNetwork.Parse("10.244.0.0/16");

    /// <summary>The range Services' ClusterIPs come from.</summary>
    [JsonConverter(typeof(IPNetworkJsonConverter))]
    public IPNetwork ServiceCidr { get; init; } = IPNetwork.Parse("10.96.0.0/16");

    /// <summary>The nodes' own network (the fabric is its first address).</summary>
    [JsonConverter(typeof(IPNetworkJsonConverter))]
    public IPNetwork NodeCidr { get; init; } = IPNetwork.Parse("172.18.0.0/16");

    /// <summary>The range the world hosts' addresses come from (TEST-NET-3 by default).</summary>
    [JsonConverter(typeof(IPNetworkJsonConverter))]
    public IPNetwork WorldCidr { get; init; } = IPNetwork.Parse("203.0.113.0/24");

    /// <summary>The names the lab's DNS answers for outside hosts, each served by a world host of its own.</summary>
    public IReadOnlyList<ExternalHostSpec> ExternalHosts { get; init; } = [];

    /// <summary>How many flows each node's agent keeps (its ring buffer; the oldest go first, counted as lost to slow readers).</summary>
    public int FlowBufferSize { get; init; } = 4096;

    /// <summary>What the nodes' verdict chains report as flows: <c>all</c> (drops, and every new connection's allow), <c>drops</c>, or <c>off</c>.</summary>
    public string FlowLogs { get; init; } = "all";

    /// <summary>With <see cref="FlowLogs"/> all: report one allowed new connection in this many (1: every one); drops are always reported.</summary>
    public int FlowSample { get; init; } = 1;

    /// <summary>
    /// A TCP address (<c>IP:PORT</c>) where the relay also serves the Observer API, over TLS requiring a client
    /// certificate from the lab CA (written to the lab's <c>ca/observer-client.crt</c> and <c>.key</c>); null: the Unix
    /// socket only.
    /// </summary>
    public string? RelayAddress { get; init; }

    /// <summary>Lab-wide audit (dry-run) mode: what policies would drop is let through and reported as AUDIT.</summary>
    public bool Audit { get; init; }

    /// <summary>The names of the nodes: node-1 .. node-N.</summary>
    public IReadOnlyList<string> NodeNames => [.. Enumerable.Range(1, Nodes).Select(i => $"node-{i}")];

    /// <summary>Throws a <see cref="LabException"/> naming the option when the shape is impossible.</summary>
    public LabConfig Validated()
    {
        if (Nodes is < 1 or > 16) throw new LabException($"--nodes {Nodes}: a lab has 1 to 16 nodes");
        if (FlowLogs is not ("all" or "drops" or "off")) throw new LabException($"--flow-logs {FlowLogs}: give all, drops or off");
        if (RelayAddress is { } relay && !IPEndPoint.TryParse(relay, out _)) throw new LabException($"--relay-address {relay}: give IP:PORT (e.g. 127.0.0.1:4245)");
        if (FlowSample is < 1 or > 1_000_000) throw new LabException($"--flow-sample {FlowSample}: give 1 (every allowed connection) to 1000000");
        if (FlowBufferSize is < 16 or > 1 << 20) throw new LabException($"--flow-buffer-size {FlowBufferSize}: give 16 to 1048576 flows per node");
        if (PodCidr.BaseAddress.AddressFamily != global::System.Net.Sockets.AddressFamily.InterNetwork || PodCidr.PrefixLength > 24)
        {
            throw new LabException($"--pod-cidr {PodCidr}: use an IPv4 range of /24 or larger (e.g. 10.244.0.0/16); each node gets a block of it");
        }
        var overlaps = new[] { ("--pod-cidr", PodCidr), ("service CIDR", ServiceCidr), ("node CIDR", NodeCidr), ("world CIDR", WorldCidr) };
        foreach (var (n1, a) in overlaps)
        {
            foreach (var (n2, b) in overlaps)
            {
                if (n1 != n2 && (a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress)))
                {
                    throw new LabException($"{n1} {a} overlaps the {n2} {b}: choose ranges that do not overlap");
                }
            }
        }
        return this;
    }
}
