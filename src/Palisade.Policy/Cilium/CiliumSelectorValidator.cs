using k8s.Models;
using Palisade.Policy.Binding;
using Palisade.Policy.Validation;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Cilium;

/// <summary>
/// Cilium endpoint selectors: Kubernetes label selectors whose keys may carry a source prefix (<c>k8s:</c>,
/// <c>any:</c>, <c>reserved:</c>). The prefix is checked, then the rest of the key as a Kubernetes label key.
/// </summary>
internal static class CiliumSelectorValidator
{
    private static readonly string[] Supported = ["k8s", "any", "reserved"];

    private static readonly string[] KnownUnsupported = ["cidr", "fqdn", "cidrgroup", "unspec", "container", "kvstore", "node", "cilium-generated"];

    private static readonly string[] ReservedNames =
    [
        "host", "world", "world-ipv4", "world-ipv6", "cluster", "unmanaged", "health", "init", "remote-node",
        "kube-apiserver", "ingress", "none", "unknown",
    ];

    /// <summary>Checks <paramref name="selector"/> at <paramref name="path"/>.</summary>
    public static void Validate(V1LabelSelector selector, FieldPath path, ProblemList problems)
    {
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            var keyPath = path.Field("matchLabels").Field(key);
            problems.AddRange(LabelSelectorValidator.Label(BareKey(key, keyPath, problems), value, keyPath));
        }
        var expressions = selector.MatchExpressions ?? [];
        var stripped = new List<V1LabelSelectorRequirement>(expressions.Count);
        for (var i = 0; i < expressions.Count; i++)
        {
            var r = expressions[i];
            var key = r?.Key is null ? null : BareKey(r.Key, path.Field("matchExpressions").Index(i).Field("key"), problems);
            stripped.Add(r is null ? null! : new V1LabelSelectorRequirement { Key = key!, OperatorProperty = r.OperatorProperty, Values = r.Values });
        }
        problems.AddRange(LabelSelectorValidator.Validate(new V1LabelSelector { MatchExpressions = stripped }, path));
    }

    /// <summary>Checks each selector of a list (null items failed to bind and were reported).</summary>
    public static void ValidateAll(IReadOnlyList<V1LabelSelector?>? selectors, FieldPath path, ProblemList problems) =>
        problems.Each(selectors, path, Validate);

    /// <summary>The key without its source prefix; reports an unknown or unsupported source.</summary>
    private static string BareKey(string key, FieldPath path, ProblemList problems)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return key;
        var (source, bare) = (key[..colon], key[(colon + 1)..]);
        if (source == "reserved") CheckReserved(bare, path, problems);
        else if (KnownUnsupported.Contains(source)) UnsupportedSource(key, source, path, problems);
        else if (!Supported.Contains(source)) UnknownSource(key, source, path, problems);
        return bare;
    }

    private static void CheckReserved(string name, FieldPath path, ProblemList problems)
    {
        if (ReservedNames.Contains(name)) return;
        var suggestion = Suggest.Closest(name, ReservedNames);
        problems.Warning(path, $"\"reserved:{name}\" is not a reserved identity label; it selects nothing",
            suggestion is null ? "reserved labels are " + string.Join(", ", ReservedNames) : $"did you mean \"reserved:{suggestion}\"?");
    }

    private static void UnsupportedSource(string key, string source, FieldPath path, ProblemList problems) =>
        problems.Unsupported(path, $"the label source \"{source}:\" in selector key \"{key}\"",
            "Palisade selects endpoints by their Kubernetes labels (k8s:, any:) and reserved identities (reserved:) only",
            "select addresses with fromCIDR/toCIDR or toFQDNs instead");

    private static void UnknownSource(string key, string source, FieldPath path, ProblemList problems)
    {
        var suggestion = Suggest.Closest(source, Supported);
        problems.Error(path, $"unknown label source \"{source}:\" in selector key \"{key}\"",
            suggestion is null ? "a key may start with k8s:, any: or reserved:, or have no source prefix" : $"did you mean \"{suggestion}:\"?");
    }
}
