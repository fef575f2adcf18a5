using Palisade.Engine.Cluster;
using Palisade.Policy.Loading;
using Palisade.Testing.Oracle;

namespace Palisade.Bench.Naive;

/// <summary>The oracle's view of a loaded cluster: the same pods (with the addresses the engine assigned) and policies.</summary>
internal static class OracleView
{
    public static (OracleCluster Cluster, OraclePod[] Pods) Of(ManifestSet set, ClusterState state)
    {
        var namespaces = set.Namespaces.ToDictionary(
            n => n.Object.Metadata.Name,
            n => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(n.Object.Metadata.Labels ?? new Dictionary<string, string>()));
        var pods = state.Endpoints.Select(ToPod).ToArray();
        return (new OracleCluster(namespaces, pods, [.. set.NetworkPolicies.Select(p => p.Object)]), pods);
    }

    private static OraclePod ToPod(Endpoint e) => new(
        e.Namespace, e.Name, new Dictionary<string, string>(e.Labels), e.PrimaryAddress.ToString(),
        [.. e.Ports.Select(p => new OracleNamedPort(p.Name, Palisade.Engine.Ports.ProtocolNames.Name(p.Protocol), p.Port))],
        e.HostNetwork);
}
