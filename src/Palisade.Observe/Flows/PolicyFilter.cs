namespace Palisade.Observe.Flows;

/// <summary>
/// Palisade's <c>FlowFilter.policy</c>: a flow matches when a policy that allowed, denied or isolated it
/// (any direction) is named by one of the values: <c>name</c> (any namespace and kind),
/// <c>namespace/name</c>, <c>kind:name</c> or <c>kind:namespace/name</c> (kind compared case-insensitively).
/// </summary>
internal static class PolicyFilter
{
    private sealed record PolicyRef(string? Kind, string? Namespace, string Name)
    {
        public bool Matches(Policy p) =>
            p.Name == Name
            && (Namespace is null || p.Namespace == Namespace)
            && (Kind is null || string.Equals(p.Kind, Kind, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The predicate for the values; throws <see cref="FlowFilterException"/> for a value without a name.</summary>
    public static Func<Flow, bool> Build(IEnumerable<string> values)
    {
        var refs = values.Select(Parse).ToArray();
        return f => DecidingPolicies(f).Any(p => refs.Any(r => r.Matches(p)));
    }

    /// <summary>Every policy the flow names as allowing, denying or isolating it.</summary>
    public static IEnumerable<Policy> DecidingPolicies(Flow f) =>
        f.EgressAllowedBy.Concat(f.IngressAllowedBy)
            .Concat(f.EgressDeniedBy).Concat(f.IngressDeniedBy)
            .Concat(f.EgressIsolatedBy).Concat(f.IngressIsolatedBy);

    private static PolicyRef Parse(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? null : value[..colon];
        var rest = colon < 0 ? value : value[(colon + 1)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var policy = slash < 0 ? new PolicyRef(kind, null, rest) : new PolicyRef(kind, rest[..slash], rest[(slash + 1)..]);
        if (policy.Name.Length == 0 || kind is { Length: 0 })
        {
            throw new FlowFilterException($"invalid policy filter \"{value}\": expected name, namespace/name or kind:namespace/name");
        }
        return policy;
    }
}
