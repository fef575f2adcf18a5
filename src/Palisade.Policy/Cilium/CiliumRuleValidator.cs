using Palisade.Policy.Yaml;

namespace Palisade.Policy.Cilium;

/// <summary>One <see cref="CiliumRule"/>: its subject selector, its four rule lists, labels and log.</summary>
internal static class CiliumRuleValidator
{
    private const int MaxLogLength = 32;

    /// <summary>Checks <paramref name="rule"/> at <paramref name="path"/>.</summary>
    public static void Validate(CiliumRule rule, FieldPath path, bool clusterwide, ProblemList problems)
    {
        if (Count(rule.Ingress) + Count(rule.IngressDeny) + Count(rule.Egress) + Count(rule.EgressDeny) == 0)
        {
            problems.Error(path, "rule must have at least one of ingress, ingressDeny, egress, egressDeny",
                "to deny all ingress to the selected endpoints, write ingress: [{}]");
        }
        Subject(rule, path, clusterwide, problems);
        var host = rule.NodeSelector is not null;
        problems.Each(rule.Ingress, path.Field("ingress"), (r, p, ps) => CiliumDirectionValidator.Ingress(r, p, host, ps));
        problems.Each(rule.IngressDeny, path.Field("ingressDeny"), CiliumDirectionValidator.IngressDeny);
        problems.Each(rule.Egress, path.Field("egress"), (r, p, ps) => CiliumDirectionValidator.Egress(r, p, host, ps));
        problems.Each(rule.EgressDeny, path.Field("egressDeny"), CiliumDirectionValidator.EgressDeny);
        problems.Each(rule.Labels, path.Field("labels"), Label);
        if (rule.Log?.Value is { } log) Log(log, path.Field("log").Field("value"), problems);
    }

    private static int Count<T>(IReadOnlyList<T>? list) => list?.Count ?? 0;

    private static void Subject(CiliumRule rule, FieldPath path, bool clusterwide, ProblemList problems)
    {
        if (rule.EndpointSelector is null && rule.NodeSelector is null)
        {
            problems.Error(path, "rule must have one of endpointSelector or nodeSelector", "use endpointSelector: {} to select every endpoint");
        }
        if (rule.EndpointSelector is not null && rule.NodeSelector is not null)
        {
            problems.Error(path.Field("nodeSelector"), "rule cannot have both endpointSelector and nodeSelector", "write a separate rule for the nodes");
        }
        if (rule.NodeSelector is not null && !clusterwide)
        {
            problems.Error(path.Field("nodeSelector"), "nodeSelector can only be used in a CiliumClusterwideNetworkPolicy",
                "host policies are cluster-wide: change kind to CiliumClusterwideNetworkPolicy, or select pods with endpointSelector");
        }
        if (rule.EndpointSelector is { } endpoints) CiliumSelectorValidator.Validate(endpoints, path.Field("endpointSelector"), problems);
        if (rule.NodeSelector is { } nodes) CiliumSelectorValidator.Validate(nodes, path.Field("nodeSelector"), problems);
    }

    private static void Label(CiliumLabel label, FieldPath path, ProblemList problems)
    {
        if (string.IsNullOrEmpty(label.Key)) problems.Error(label.Key is null ? path : path.Field("key"), "key is required", "labels are objects: {key: team, value: web}");
    }

    private static void Log(string value, FieldPath path, ProblemList problems)
    {
        var runes = value.EnumerateRunes().ToList();
        if (runes.Count > MaxLogLength) problems.Error(path, $"must be no more than {MaxLogLength} characters (has {runes.Count})");
        if (runes.Any(r => !IsPrintable(r))) problems.Error(path, "must contain printable characters only", "remove control characters such as tabs and newlines");
    }

    /// <summary>The CRD's <c>^\PC*$</c>: no control, format, surrogate, private-use or unassigned characters.</summary>
    private static bool IsPrintable(System.Text.Rune rune) => System.Text.Rune.GetUnicodeCategory(rune) is not (
        System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
        or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse
        or System.Globalization.UnicodeCategory.OtherNotAssigned);
}
