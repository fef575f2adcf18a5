using System.Net;
using Palisade.Lab.Store;
using Palisade.Lab.Topology;

namespace Palisade.Lab.State;

/// <summary>
/// Decides where a new pod runs and which address it gets, as the scheduler and the IPAM would: <c>spec.nodeName</c>
/// first, then the nodes matching <c>nodeSelector</c>, then the node with the fewest pods (which spreads pods round
/// robin); the address is the first free one of that node's block. A pod that cannot be placed stays Pending with the
/// scheduler's kind of message.
/// </summary>
public sealed class Placement(IReadOnlyList<NodeView> nodes, IEnumerable<PodRecord> existing)
{
    private readonly Dictionary<string, int> load = nodes.ToDictionary(n => n.Name, n => existing.Count(p => p.Node == n.Name));
    private readonly HashSet<IPAddress> used = [.. existing.Select(p => p.Ip)];

    /// <summary>The chosen node and address, or the reason the pod stays Pending.</summary>
    public (NodeView? Node, IPAddress? Address, string? Reason) Place(PodSpecView pod)
    {
        var candidates = Candidates(pod, out var reason);
        if (candidates.Count == 0) return (null, null, reason);
        var node = candidates.OrderBy(n => load[n.Name]).ThenBy(n => n.Index).First();
        var address = AddressPlan.Hosts(node.PodBlock).FirstOrDefault(a => !used.Contains(a));
        if (address is null) return (null, null, $"node {node.Name} has no free address left in {node.PodBlock}");
        used.Add(address);
        load[node.Name]++;
        return (node, address, null);
    }

    /// <summary>Frees a removed pod's address and node slot.</summary>
    public void Release(PodRecord pod)
    {
        used.Remove(pod.Ip);
        if (load.ContainsKey(pod.Node)) load[pod.Node]--;
    }

    private List<NodeView> Candidates(PodSpecView pod, out string? reason)
    {
        reason = null;
        if (pod.NodeName is { } named)
        {
            var node = nodes.FirstOrDefault(n => n.Name == named);
            if (node is null) reason = $"spec.nodeName {named} is not a node of this lab (nodes: {string.Join(", ", nodes.Select(n => n.Name))})";
            return node is null ? [] : [node];
        }
        if (pod.NodeSelector is { } selector)
        {
            var matching = nodes.Where(n => selector.All(kv => n.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value)).ToList();
            if (matching.Count == 0) reason = $"0/{nodes.Count} nodes are available: {nodes.Count} node(s) didn't match Pod's node affinity/selector";
            return matching;
        }
        return [.. nodes];
    }
}
