using Palisade.Engine.Labels;

namespace Palisade.Engine.Identities;

/// <summary>Names and selector labels of Cilium's reserved identities (<c>pkg/labels</c>, <c>reserved:</c> source).</summary>
public static class ReservedIdentities
{
    private static readonly Dictionary<ReservedIdentity, string> Names = new()
    {
        [ReservedIdentity.Host] = "host",
        [ReservedIdentity.World] = "world",
        [ReservedIdentity.Unmanaged] = "unmanaged",
        [ReservedIdentity.Health] = "health",
        [ReservedIdentity.Init] = "init",
        [ReservedIdentity.RemoteNode] = "remote-node",
        [ReservedIdentity.KubeApiServer] = "kube-apiserver",
        [ReservedIdentity.Ingress] = "ingress",
        [ReservedIdentity.WorldIpv4] = "world-ipv4",
        [ReservedIdentity.WorldIpv6] = "world-ipv6",
    };

    private static readonly Dictionary<ReservedIdentity, LabelSet> Labels = Names.ToDictionary(
        kv => kv.Key,
        kv => new LabelSet([KeyValuePair.Create("reserved:" + kv.Value, ""), KeyValuePair.Create("any:" + kv.Value, "")]));

    /// <summary>Every reserved identity a selector can name.</summary>
    public static IReadOnlyList<ReservedIdentity> All { get; } = [.. Names.Keys];

    /// <summary>The name as Cilium writes it (<c>reserved:NAME</c>, entity NAME).</summary>
    public static string Name(ReservedIdentity identity) => Names.GetValueOrDefault(identity, "unknown");

    /// <summary>The identity's labels keyed as compiled Cilium selectors see them (<c>reserved:host</c>, <c>any:host</c>).</summary>
    public static LabelSet SelectorLabels(ReservedIdentity identity) => Labels.GetValueOrDefault(identity, LabelSet.Empty);
}
