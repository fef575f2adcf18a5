using k8s.Models;

namespace Palisade.Testing.Oracle;

/// <summary>Matching of the other side of a connection against a rule's <c>from</c>/<c>to</c> peers.</summary>
public static class PeerMatching
{
    /// <summary>
    /// True if some peer matches (null or empty = every pod and every IP). <paramref name="pod"/> is the
    /// other side (null for an outside address), <paramref name="ip"/> its address.
    /// </summary>
    public static bool Matches(
        OracleCluster cluster, string policyNamespace, IList<V1NetworkPolicyPeer>? peers, OraclePod? pod, string ip)
    {
        return peers is null || peers.Count == 0
            || peers.Any(peer => Matches(cluster, policyNamespace, peer, pod, ip));
    }

    /// <summary>The namespace's labels plus kubernetes.io/metadata.name=&lt;name&gt;.</summary>
    public static IReadOnlyDictionary<string, string> NamespaceLabels(OracleCluster cluster, string name)
    {
        var labels = cluster.NamespaceLabels.TryGetValue(name, out var given)
            ? new Dictionary<string, string>(given)
            : new Dictionary<string, string>();
        labels["kubernetes.io/metadata.name"] = name;
        return labels;
    }

    private static bool Matches(
        OracleCluster cluster, string policyNamespace, V1NetworkPolicyPeer peer, OraclePod? pod, string ip)
    {
        if (peer.IpBlock is not null)
        {
            return IpBlockMatching.Matches(peer.IpBlock, ip);
        }

        if (pod is null || pod.HostNetwork || (peer.PodSelector is null && peer.NamespaceSelector is null))
        {
            return false;
        }

        var namespaceMatches = peer.NamespaceSelector is null
            ? pod.Namespace == policyNamespace
            : SelectorMatching.Matches(peer.NamespaceSelector, NamespaceLabels(cluster, pod.Namespace));
        var podMatches = peer.PodSelector is null || SelectorMatching.Matches(peer.PodSelector, pod.Labels);
        return namespaceMatches && podMatches;
    }
}
