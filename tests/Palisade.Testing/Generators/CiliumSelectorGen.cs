using CsCheck;
using k8s.Models;

namespace Palisade.Testing.Generators;

/// <summary>
/// Cilium endpoint selectors: pod-label keys and the labels Cilium adds (namespace, namespace labels, service
/// account, cluster), each written bare, with <c>k8s:</c> or with <c>any:</c>, plus the occasional <c>reserved:</c> key.
/// </summary>
public static class CiliumSelectorGen
{
    private const string NamespaceLabels = "io.cilium.k8s.namespace.labels.";

    /// <summary>Keys Cilium adds to every pod, with values that do and do not occur.</summary>
    private static readonly (string Key, string[] Values)[] CiliumVocabulary =
    [
        ("io.kubernetes.pod.namespace", ["x", "y", "z"]),
        (NamespaceLabels + "ns", ["a", "b"]),
        (NamespaceLabels + "env", ["a", "b"]),
        (NamespaceLabels + "kubernetes.io/metadata.name", ["x", "y", "z"]),
        (NamespaceLabels + "team", ["a"]),
        ("io.cilium.k8s.policy.serviceaccount", ["default", "sa1"]),
        ("io.cilium.k8s.policy.cluster", ["default", "other"]),
    ];

    private static readonly string[] Prefixes = ["", "k8s:", "any:"];

    private static readonly string[] Operators = ["In", "NotIn", "Exists", "DoesNotExist"];

    /// <summary>Subject selectors (endpointSelector): mostly pod labels, sometimes the Cilium-added labels.</summary>
    public static Gen<V1LabelSelector> Subject { get; } = Selector(podWeight: 6, ciliumWeight: 1, reserved: false);

    /// <summary>Peer selectors (fromEndpoints/toEndpoints): pod labels, namespace keys (which lift the namespace limit), reserved keys.</summary>
    public static Gen<V1LabelSelector> Peer { get; } = Selector(podWeight: 3, ciliumWeight: 2, reserved: true);

    private static Gen<V1LabelSelector> Selector(int podWeight, int ciliumWeight, bool reserved)
    {
        var entry = Gen.Frequency(
            (podWeight, Gen.OneOf([.. LabelGen.PodVocabulary])),
            (ciliumWeight, Gen.OneOf(CiliumVocabulary)));
        var key = Gen.Select(entry, Gen.OneOf(Prefixes), (e, prefix) => (Key: prefix + e.Key, e.Values));
        var pair = Gen.Select(key, Gen.Int[0, 5], (k, v) => (k.Key, Value: k.Values[v % k.Values.Length]));
        var pairs = reserved
            ? Gen.Frequency((12, pair.Array[1, 2]), (1, pair.Array[0, 1].Select(p => p.Append(("reserved:health", "")).ToArray())))
            : pair.Array[1, 2];
        var matchLabels = pairs.Select(ToDictionary);
        var expression = Gen.Select(key, Gen.Int[0, 3], Gen.Int[1, 7], (k, op, mask) => new V1LabelSelectorRequirement
        {
            Key = k.Key,
            OperatorProperty = Operators[op],
            Values = op < 2 ? Subset(k.Values, mask) : null,
        });
        var matchExpressions = expression.Array[1, 2].Select(expressions => expressions.ToList());
        return Gen.Frequency(
            (2, Gen.Const(() => new V1LabelSelector())),
            (3, matchLabels.Select(labels => new V1LabelSelector { MatchLabels = labels })),
            (3, matchExpressions.Select(expressions => new V1LabelSelector { MatchExpressions = expressions })),
            (1, Gen.Select(matchLabels, matchExpressions, (labels, expressions) =>
                new V1LabelSelector { MatchLabels = labels, MatchExpressions = expressions })));
    }

    private static Dictionary<string, string> ToDictionary((string Key, string Value)[] pairs)
    {
        var labels = new Dictionary<string, string>();
        foreach (var (key, value) in pairs)
        {
            labels[key] = value;
        }

        return labels;
    }

    private static List<string> Subset(string[] values, int mask)
    {
        var chosen = values.Where((_, i) => ((mask >> i) & 1) == 1).ToList();
        return chosen.Count > 0 ? chosen : [values[0]];
    }
}
