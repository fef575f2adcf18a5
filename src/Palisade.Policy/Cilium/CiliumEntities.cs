namespace Palisade.Policy.Cilium;

/// <summary>
/// The entities a rule may name in <c>fromEntities</c>/<c>toEntities</c> (<c>pkg/policy/api/entity.go</c>,
/// <c>EntitySelectorMapping</c>).
/// </summary>
public static class CiliumEntities
{
    /// <summary>Every entity name Cilium accepts.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "all", "world", "world-ipv4", "world-ipv6", "cluster", "host", "init", "ingress", "unmanaged", "remote-node",
        "health", "none", "kube-apiserver",
    ];

    /// <summary>True when <paramref name="name"/> is an entity (case-sensitive, as Cilium).</summary>
    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
