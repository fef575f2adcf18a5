using System.Globalization;
using k8s.Models;
using Palisade.Testing.Oracle;

namespace Palisade.Bench.Naive;

/// <summary>
/// The naive evaluator the matrix is compared to: for one pod pair, every policy of the cluster is checked against
/// both pods (selection, policy types, then every rule's peers and ports), with the independent test oracle's
/// selector and peer matching. No identities, no caches: the cost of a pair grows with the number of policies.
/// </summary>
internal sealed class NaiveEvaluator(OracleCluster cluster)
{
    /// <summary>The ports <paramref name="src"/> may connect to on <paramref name="dst"/>.</summary>
    public PortIntervals Allowed(OraclePod src, OraclePod dst) =>
        Side(src, dst, "Egress", p => p.Spec.Egress?.Select(r => ((IList<V1NetworkPolicyPeer>?)r.To, (IList<V1NetworkPolicyPort>?)r.Ports)))
            .Intersect(Side(dst, src, "Ingress", p => p.Spec.Ingress?.Select(r => ((IList<V1NetworkPolicyPeer>?)r.FromProperty, (IList<V1NetworkPolicyPort>?)r.Ports))));

    private PortIntervals Side(
        OraclePod subject, OraclePod peer, string type,
        Func<V1NetworkPolicy, IEnumerable<(IList<V1NetworkPolicyPeer>? Peers, IList<V1NetworkPolicyPort>? Ports)>?> rules)
    {
        var destination = type == "Egress" ? peer : subject;
        var isolated = false;
        var allowed = new PortIntervals();
        foreach (var policy in cluster.Policies)
        {
            var ns = policy.Metadata.NamespaceProperty ?? "default";
            if (subject.HostNetwork || ns != subject.Namespace || !SelectorMatching.Matches(policy.Spec.PodSelector, subject.Labels)
                || !NetworkPolicyOracle.HasPolicyType(policy, type))
            {
                continue;
            }
            isolated = true;
            foreach (var (peers, ports) in rules(policy) ?? [])
            {
                if (PeerMatching.Matches(cluster, ns, peers, peer, peer.Ip)) allowed.AddAll(RulePorts(ports, destination));
            }
        }
        return isolated ? allowed : PortIntervals.Universe();
    }

    private static PortIntervals RulePorts(IList<V1NetworkPolicyPort>? ports, OraclePod destination)
    {
        if (ports is null || ports.Count == 0) return PortIntervals.Universe();
        var set = new PortIntervals();
        foreach (var entry in ports)
        {
            var protocol = entry.Protocol ?? "TCP";
            if (entry.Port is null) set.Add(protocol, 0, PortIntervals.MaxPort);
            else if (int.TryParse(entry.Port.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var first)) set.Add(protocol, first, entry.EndPort ?? first);
            else
            {
                foreach (var named in destination.Ports.Where(n => n.Name == entry.Port.Value && n.Protocol == protocol)) set.Add(protocol, named.Port, named.Port);
            }
        }
        return set;
    }
}
