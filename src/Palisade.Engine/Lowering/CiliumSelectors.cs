using k8s.Models;
using Palisade.Engine.Identities;
using Palisade.Engine.Ir;
using Palisade.Engine.Labels;

namespace Palisade.Engine.Lowering;

/// <summary>
/// Cilium's label conventions for selectors (<c>pkg/labels</c>, <c>pkg/k8s/apis/cilium.io/utils/utils.go</c>): a key
/// is <c>SOURCE:KEY</c>; without a source it means <c>any:KEY</c>. Pods carry <c>k8s:</c> labels, reserved
/// identities <c>reserved:</c> ones.
/// </summary>
internal static class CiliumSelectors
{
    private const string PodNamespace = "io.kubernetes.pod.namespace";
    private const string NamespaceLabels = "io.cilium.k8s.namespace.labels.";

    /// <summary>The key with its source made explicit: <c>app</c> becomes <c>any:app</c>.</summary>
    public static string NormalizeKey(string key) => key.Contains(':', StringComparison.Ordinal) ? key : "any:" + key;

    /// <summary>Compiles a selector with normalised keys.</summary>
    public static LabelSelector Compile(V1LabelSelector? selector) =>
        LabelSelector.Of(LabelSelector.From(selector ?? new V1LabelSelector()).Requirements.Select(r => r with { Key = NormalizeKey(r.Key) }));

    /// <summary>
    /// A policy's endpointSelector. In a CiliumNetworkPolicy it always selects in the policy's namespace (Cilium
    /// overwrites a namespace match there); in a clusterwide policy it selects pods of every namespace.
    /// </summary>
    public static EndpointSelector Subject(V1LabelSelector? selector, string? policyNamespace)
    {
        if (policyNamespace is null) return new EndpointSelector(Compile(selector), NamespaceMatch.Any, CiliumKeys: true);
        // Cilium sets matchLabels["k8s:io.kubernetes.pod.namespace"] to the policy's namespace: only a matchLabels entry
        // with exactly that key is replaced; expressions and other spellings of the key stay and must hold too.
        var labels = (selector?.MatchLabels ?? new Dictionary<string, string>()).Where(kv => kv.Key != "k8s:" + PodNamespace).ToDictionary();
        var scoped = new V1LabelSelector { MatchLabels = labels, MatchExpressions = selector?.MatchExpressions };
        return new EndpointSelector(Compile(scoped), NamespaceMatch.Exactly(policyNamespace), CiliumKeys: true);
    }

    /// <summary>
    /// A peer selector of fromEndpoints/toEndpoints, as Cilium's getEndpointSelector scopes it: a selector naming no
    /// namespace (neither the namespace label nor a namespace-label key) is limited to the policy's namespace, or in a
    /// clusterwide policy to pods (any namespace); a selector with a <c>reserved:</c> key is left as written and may
    /// select reserved identities.
    /// </summary>
    public static IEnumerable<IrPeer> Peer(V1LabelSelector? selector, string? policyNamespace)
    {
        var compiled = Compile(selector);
        var keys = compiled.Requirements.Select(r => r.Key).ToList();
        if (keys.Any(k => k.StartsWith("reserved:", StringComparison.Ordinal)))
        {
            yield return new EndpointsPeer(new EndpointSelector(compiled, NamespaceMatch.Any, CiliumKeys: true));
            foreach (var reserved in ReservedIdentities.All.Where(r => compiled.Matches(ReservedIdentities.SelectorLabels(r))))
            {
                yield return new EntityPeer(reserved);
            }
            yield break;
        }
        var namesNamespace = keys.Any(k => k is "k8s:" + PodNamespace or "any:" + PodNamespace);
        var namesNamespaceLabels = keys.Any(k => k.StartsWith("k8s:" + NamespaceLabels, StringComparison.Ordinal) || k.StartsWith("any:" + NamespaceLabels, StringComparison.Ordinal));
        var scope = policyNamespace is not null && !namesNamespace && !namesNamespaceLabels ? NamespaceMatch.Exactly(policyNamespace) : NamespaceMatch.Any;
        // A clusterwide policy's selector without a namespace gets "namespace label exists": pods only, which is what
        // an EndpointsPeer matches anyway (reserved identities are matched only by EntityPeer).
        yield return new EndpointsPeer(new EndpointSelector(compiled, scope, CiliumKeys: true));
    }

    /// <summary>A node selector (nodeSelector, fromNodes/toNodes): node labels, with any source prefix removed.</summary>
    public static LabelSelector Nodes(V1LabelSelector? selector) =>
        LabelSelector.Of(LabelSelector.From(selector ?? new V1LabelSelector()).Requirements.Select(r => r with { Key = StripSource(r.Key) }));

    private static string StripSource(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? key : key[(colon + 1)..];
    }
}
