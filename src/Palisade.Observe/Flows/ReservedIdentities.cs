namespace Palisade.Observe.Flows;

/// <summary>Cilium's reserved security identities (pkg/identity/numericidentity.go) and their names.</summary>
internal static class ReservedIdentities
{
    private static readonly Dictionary<string, uint> ByName = new(StringComparer.Ordinal)
    {
        ["host"] = 1,
        ["world"] = 2,
        ["unmanaged"] = 3,
        ["health"] = 4,
        ["init"] = 5,
        ["remote-node"] = 6,
        ["kube-apiserver"] = 7,
        ["ingress"] = 8,
        ["world-ipv4"] = 9,
        ["world-ipv6"] = 10,
    };

    /// <summary>The names, for error messages.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The name of a reserved identity, or null for an ordinary one.</summary>
    public static string? NameOf(uint identity)
    {
        foreach (var (name, value) in ByName)
        {
            if (value == identity)
            {
                return name;
            }
        }
        return null;
    }

    /// <summary>Parses a reserved name or a number.</summary>
    public static bool TryParse(string text, out uint identity) =>
        ByName.TryGetValue(text, out identity)
        || uint.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out identity);
}
