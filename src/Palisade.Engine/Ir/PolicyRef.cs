namespace Palisade.Engine.Ir;

/// <summary>Names a policy in explanations: kind, namespace (null when cluster-scoped) and name.</summary>
public sealed record PolicyRef(string Kind, string? Namespace, string Name)
{
    /// <summary><c>namespace/name</c>, or the name alone for a cluster-scoped policy.</summary>
    public string QualifiedName => Namespace is null ? Name : $"{Namespace}/{Name}";

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} {QualifiedName}";
}
