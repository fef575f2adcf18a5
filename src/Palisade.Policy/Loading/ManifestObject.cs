using System.Text.Json.Nodes;

namespace Palisade.Policy.Loading;

/// <summary>
/// One top-level object of a manifest, as a store keeps it: its kind, namespace (null for cluster-scoped kinds,
/// "default" when a namespaced object names none) and name, and its JSON with that namespace filled in.
/// </summary>
public sealed record ManifestObject(string ApiVersion, string Kind, string? Namespace, string Name, JsonObject Json)
{
    /// <summary>"kind/namespace/name" (namespace empty when cluster-scoped): the identity a store keys objects by.</summary>
    public string Key => $"{Kind}/{Namespace}/{Name}";

    /// <summary>How kubectl names it in messages: <c>deployment.apps/deathstar</c>, <c>pod/tiefighter</c>.</summary>
    public string DisplayName => DisplayNameOf(ApiVersion, Kind, Name);

    /// <summary>kubectl's name of an object of <paramref name="kind"/> at <paramref name="apiVersion"/>: kind, API group, name.</summary>
    public static string DisplayNameOf(string apiVersion, string kind, string name)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return $"{kind.ToLowerInvariant()}{(slash >= 0 ? "." + apiVersion[..slash] : "")}/{name}";
    }
}
