namespace Palisade.Testing.Generators;

/// <summary>Knobs for <see cref="ClusterGen.Create"/>.</summary>
/// <param name="MaxPods">Most pods in a cluster (at least 1 is always generated).</param>
/// <param name="MaxPolicies">Most NetworkPolicies in a cluster (0 is possible).</param>
/// <param name="HostNetworkPods">Whether about 1 pod in 15 is a hostNetwork pod (IP in 172.18.0.0/24).</param>
/// <param name="NonCanonicalCidrs">
/// Whether ipBlocks may use CIDRs with host bits set (e.g. 10.0.0.5/24): valid by default, but rejected by
/// API servers running the StrictIPCIDRValidation feature gate.
/// </param>
public sealed record ClusterGenOptions(
    int MaxPods = 6,
    int MaxPolicies = 4,
    bool HostNetworkPods = true,
    bool NonCanonicalCidrs = true);
