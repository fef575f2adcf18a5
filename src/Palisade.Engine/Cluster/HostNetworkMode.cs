namespace Palisade.Engine.Cluster;

/// <summary>
/// How pods with <c>hostNetwork: true</c> are treated. Kubernetes leaves this to the implementation; Calico, Cilium
/// and the AWS agent all exempt them, which is the default here.
/// </summary>
public enum HostNetworkMode
{
    /// <summary>Not selected by pod policies and not matched by pod selectors; they carry the host identity.</summary>
    Exempt,

    /// <summary>Treated as ordinary pods (selected and matched by their labels).</summary>
    Enforced,
}
