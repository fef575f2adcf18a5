using Palisade.Policy.Diagnostics;

namespace Palisade.Policy.Loading;

/// <summary>
/// How one apiVersion/kind is loaded: the model type it binds to, how strictly unknown fields are treated, an
/// optional deprecation warning, and what to do with the bound object.
/// </summary>
internal sealed record KindEntry(
    string ApiVersion,
    string Kind,
    Type Model,
    Severity UnknownFields,
    string? Deprecation,
    Action<object, SourceRef, ManifestSetBuilder> Add)
{
    /// <summary>A kind-specific hint for unknown fields, or null.</summary>
    public Func<Palisade.Policy.Yaml.FieldPath, string?>? UnknownFieldHint { get; init; }

    /// <summary>True for cluster-scoped kinds (no metadata.namespace).</summary>
    public bool ClusterScoped => Kind is "Namespace" or "Node" or "CiliumClusterwideNetworkPolicy";
}
