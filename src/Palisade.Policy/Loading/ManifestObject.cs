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
    public string DisplayName
    {
        get
        {
            var group = ApiVersion.Contains('/', StringComparison.Ordinal) ? "." + ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
            return $"{Kind.ToLowerInvariant()}{group}/{Name}";
        }
    }
}
