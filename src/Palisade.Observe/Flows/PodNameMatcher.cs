namespace Palisade.Observe.Flows;

/// <summary>
/// Hubble's pod (and service) name filter: <c>namespace/prefix</c> matches pods in the namespace whose
/// name starts with the prefix; <c>namespace/</c> matches the whole namespace; a value without a slash
/// means the namespace <c>default</c> (Hubble's k8s.ParseNamespaceName); <c>/prefix</c> matches the prefix
/// in any namespace (newer Hubble).
/// </summary>
internal sealed class PodNameMatcher
{
    private readonly (string Namespace, string Prefix)[] names;

    /// <summary>Parses the values; throws <see cref="FlowFilterException"/> for an empty one.</summary>
    public PodNameMatcher(IEnumerable<string> values) => names = [.. values.Select(Parse)];

    /// <summary>Whether the endpoint's namespace and pod name match any of the values.</summary>
    public bool Matches(Endpoint? endpoint)
    {
        var ns = endpoint?.Namespace ?? "";
        var pod = endpoint?.PodName ?? "";
        if (ns.Length == 0 && pod.Length == 0)
        {
            return false;
        }
        foreach (var (wantedNs, prefix) in names)
        {
            if ((wantedNs.Length == 0 || wantedNs == ns) && pod.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static (string, string) Parse(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var (ns, prefix) = slash < 0 ? ("default", value) : (value[..slash], value[(slash + 1)..]);
        if (value.Length == 0 || (prefix.Length == 0 && ns.Length == 0))
        {
            throw new FlowFilterException($"invalid pod filter \"{value}\": must be [namespace/][<name>]");
        }
        return (ns, prefix);
    }
}
