using Palisade.Engine.Labels;
using Palisade.Engine.Ports;
using Palisade.Policy.Loading;
using Palisade.Policy.Net;

namespace Palisade.Engine.Cluster;

/// <summary>
/// A pod as the engine sees it: where it lives, its labels, addresses and declared ports. Host-network pods share
/// their node's address and are not managed endpoints by default.
/// </summary>
public sealed record Endpoint(
    string Namespace,
    string Name,
    LabelSet Labels,
    IReadOnlyList<IpAddressValue> Addresses,
    IReadOnlyList<NamedPort> Ports,
    string ServiceAccount,
    string? NodeName,
    bool HostNetwork,
    WorkloadRef? Workload)
{
    /// <summary><c>namespace/name</c>.</summary>
    public string Key { get; } = $"{Namespace}/{Name}";

    /// <summary>
    /// True when the pod is in audit mode (annotation <c>policy.palisade.dev/mode: audit</c>): no policy is enforced on
    /// either of its sides, and what the policies would drop there is an <see cref="Verdicts.SideReason.Audit"/> verdict.
    /// </summary>
    public bool Audit { get; init; }

    /// <summary>The address used for ipBlock matching and display (the first of status.podIPs).</summary>
    public IpAddressValue PrimaryAddress => Addresses[0];

    /// <summary>The port number a named port resolves to for <paramref name="protocol"/>, or null.</summary>
    public int? Resolve(string name, Protocol protocol)
    {
        foreach (var p in Ports)
        {
            if (p.Name == name && p.Protocol == protocol) return p.Port;
        }
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Key;
}
