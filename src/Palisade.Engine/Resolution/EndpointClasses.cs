using System.Collections;
using Palisade.Engine.Cluster;
using Palisade.Engine.Identities;

namespace Palisade.Engine.Resolution;

/// <summary>
/// The endpoint classes of a cluster: endpoints with the same identity, named ports, CIDR peers and audit mode share
/// one. Depends on the cluster, the CIDR peers the policies name and the cluster-wide audit option only.
/// </summary>
internal sealed class EndpointClasses
{
    private readonly Dictionary<string, EndpointClass> _byEndpoint = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EndpointClass> _byKey = new(StringComparer.Ordinal);
    private readonly IdentityTable _identities;
    private readonly CidrIndex _cidrs;
    private readonly bool _audit;

    /// <summary>Classifies every endpoint of <paramref name="cluster"/>; <paramref name="audit"/> puts every endpoint in audit.</summary>
    public EndpointClasses(ClusterState cluster, IdentityTable identities, CidrIndex cidrs, bool audit)
    {
        _identities = identities;
        _cidrs = cidrs;
        _audit = audit;
        var classes = new List<EndpointClass>();
        foreach (var endpoint in cluster.Endpoints)
        {
            var identity = identities.Of(endpoint);
            var bits = CidrBits(endpoint);
            var key = Key(identity, endpoint, bits);
            if (!_byKey.TryGetValue(key, out var c))
            {
                c = new EndpointClass(classes.Count, key, identity, endpoint.Ports, bits, InAudit(endpoint));
                _byKey[key] = c;
                classes.Add(c);
            }
            c.Members.Add(endpoint);
            _byEndpoint[endpoint.Key] = c;
        }
        All = classes;
    }

    /// <summary>Every class, by index.</summary>
    public IReadOnlyList<EndpointClass> All { get; }

    /// <summary>The class of an endpoint of the cluster.</summary>
    public EndpointClass Of(Endpoint endpoint) => _byEndpoint[endpoint.Key];

    /// <summary>The existing class an endpoint outside the cluster would join, or null.</summary>
    public EndpointClass? Find(Endpoint candidate) =>
        _identities.Of(candidate) is { } identity ? _byKey.GetValueOrDefault(Key(identity, candidate, CidrBits(candidate))) : null;

    private BitArray CidrBits(Endpoint endpoint)
    {
        var bits = new BitArray(_cidrs.Peers.Count);
        for (var i = 0; i < _cidrs.Peers.Count; i++)
        {
            var peer = _cidrs.Peers[i];
            bits[i] = peer.MatchesClusterEndpoints && peer.Contains(endpoint.PrimaryAddress);
        }
        return bits;
    }

    /// <summary>
    /// What makes a class, as text that does not depend on the rest of the cluster (<see cref="EndpointClass.Key"/>):
    /// the identity's labels stand for its number, the CIDR peers' keys for the membership bits; audit mode is marked.
    /// </summary>
    private string Key(Identity? identity, Endpoint endpoint, BitArray bits)
    {
        var who = identity is null ? "host" : $"{identity.Namespace}|{identity.ServiceAccount}|{identity.PodLabels.Key}|{identity.NamespaceLabels.Key}";
        var ports = string.Join(",", endpoint.Ports.Select(p => p.ToString()).Order(StringComparer.Ordinal));
        var cidrs = string.Join(",", Enumerable.Range(0, bits.Length).Where(i => bits[i]).Select(i => _cidrs.Peers[i].Key).Order(StringComparer.Ordinal));
        return $"{who}|{ports}|{cidrs}{(InAudit(endpoint) ? "|audit" : "")}";
    }

    /// <summary>True when <paramref name="endpoint"/> is in audit mode, by its annotation or cluster-wide.</summary>
    private bool InAudit(Endpoint endpoint) => _audit || endpoint.Audit;
}
