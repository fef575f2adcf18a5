using Palisade.Policy.Binding;
using Palisade.Policy.Validation;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Cilium;

/// <summary>
/// Validates CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy as Cilium does (the CRD schema and
/// <c>pkg/policy/api/rule_validation.go</c>), plus what Palisade does not support, which is rejected by name and
/// never ignored. Every problem is returned, with its path relative to the object; null list items are ones the
/// binder could not bind and has already reported.
/// </summary>
public static class CiliumPolicyValidator
{
    private static readonly string[] DenyLists = ["ingressDeny", "egressDeny"];

    private static readonly string[] AllowOnlyPortFields = ["rules", "terminatingTLS", "originatingTLS", "serverNames", "listener"];

    /// <summary>Every problem of a <see cref="CiliumNetworkPolicy"/> or <see cref="CiliumClusterwideNetworkPolicy"/>.</summary>
    /// <exception cref="ArgumentException">When <paramref name="policy"/> is neither.</exception>
    public static IReadOnlyList<ValidationProblem> Validate(object policy) => policy switch
    {
        CiliumNetworkPolicy p => Validate(p.Spec, p.Specs, clusterwide: false),
        CiliumClusterwideNetworkPolicy p => Validate(p.Spec, p.Specs, clusterwide: true),
        _ => throw new ArgumentException($"not a Cilium policy: {policy?.GetType().Name ?? "null"}", nameof(policy)),
    };

    /// <summary>
    /// The hint for a field found at the top level of a Cilium policy that belongs under <c>spec</c> (the seed's
    /// <c>description</c>), or null when <paramref name="fieldName"/> is not a rule field.
    /// </summary>
    public static string? MisplacedFieldHint(string fieldName) =>
        PropertyMap.For(typeof(CiliumRule)).ContainsKey(fieldName) ? $"{fieldName} belongs under spec: (spec.{fieldName}), not at the top level" : null;

    /// <summary>
    /// A better hint than "did you mean" for an unknown field of a Cilium policy at <paramref name="path"/>
    /// (relative to the object, or inside a List's <c>items[i]</c>): a rule field at the top level, L7 or TLS in a
    /// deny rule's port rule, toFQDNs or authentication in a deny rule. Null when there is nothing specific to say.
    /// </summary>
    public static string? UnknownFieldHint(FieldPath path)
    {
        var s = path.Segments;
        if (s.Count == 0 || s[^1] is not string name) return null;
        if (s.Count == 1 || (s.Count >= 3 && s[^2] is int && s[^3] is "items")) return MisplacedFieldHint(name);
        if (s.Count >= 5 && s[^3] is "toPorts" && s[^5] is string deny && DenyLists.Contains(deny) && AllowOnlyPortFields.Contains(name))
        {
            return $"{deny} rules match L3/L4 only: a deny rule's toPorts takes ports, not {name}; put L7 rules in an allow rule ({deny[..^4]})";
        }
        if (s.Count >= 3 && s[^3] is string list && DenyLists.Contains(list) && name is "toFQDNs" or "authentication")
        {
            return $"{list} rules do not support {name}; it exists only in {list[..^4]} rules"
                + (name == "toFQDNs" ? " (to deny names, allow only the names you want with an egress toFQDNs rule)" : "");
        }
        return null;
    }

    private static List<ValidationProblem> Validate(CiliumRule? spec, IReadOnlyList<CiliumRule?>? specs, bool clusterwide)
    {
        var problems = new ProblemList();
        var root = FieldPath.Root;
        if (spec is null && specs is null)
        {
            problems.Error(root.Field("spec"), "spec or specs is required", "add spec: with an endpointSelector and ingress or egress rules");
        }
        if (spec is null && specs is { Count: 0 }) problems.Warning(root.Field("specs"), "specs is empty: the policy has no rules");
        if (spec is not null) CiliumRuleValidator.Validate(spec, root.Field("spec"), clusterwide, problems);
        problems.Each(specs, root.Field("specs"), (r, p, ps) => CiliumRuleValidator.Validate(r, p, clusterwide, ps));
        return [.. problems.Items];
    }
}
