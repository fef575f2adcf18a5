namespace Palisade.Testing.Oracle;

/// <summary>A pod as the oracle sees it: where it lives, its labels, its IP and its named container ports.</summary>
/// <param name="Namespace">The pod's namespace.</param>
/// <param name="Name">The pod's name (unique within its namespace).</param>
/// <param name="Labels">The pod's labels.</param>
/// <param name="Ip">The pod's IP address (status.podIP).</param>
/// <param name="Ports">The named container ports of all its containers.</param>
/// <param name="HostNetwork">True for a hostNetwork pod: never selected by a policy, never matched by a selector peer.</param>
public sealed record OraclePod(
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    string Ip,
    IReadOnlyList<OracleNamedPort> Ports,
    bool HostNetwork = false);
