using Palisade.Policy.Loading;

namespace Palisade.Agent.Flows;

/// <summary>
/// What a flow's address is, as its node's table numbers it: a pod (namespace, name, labels, workload), the local node
/// (<c>host</c>), another node (<c>remote-node</c>) or an outside block (<c>world</c>), with the identity number the
/// kernel keys its maps by.
/// </summary>
/// <param name="Identity">The data plane's identity number (NFT-ID).</param>
/// <param name="Namespace">The pod's namespace; null for anything else.</param>
/// <param name="Pod">The pod's name; null for anything else.</param>
/// <param name="Labels">Cilium-style labels (<c>k8s:app=web</c>, <c>reserved:world</c>).</param>
/// <param name="Workload">The pod's owner, when known.</param>
/// <param name="Node">The node the pod runs on, or the node this address is.</param>
public sealed record FlowPeer(uint Identity, string? Namespace, string? Pod, IReadOnlyList<string> Labels, WorkloadRef? Workload, string? Node)
{
    /// <summary>An outside address.</summary>
    public static FlowPeer World(uint identity) => new(identity, null, null, ["reserved:world"], null, null);
}
