using Palisade.Engine.Labels;

namespace Palisade.Engine.Identities;

/// <summary>Which namespaces an endpoint selector reaches: one by name, those whose labels match, or all.</summary>
public sealed record NamespaceMatch(string? Name, LabelSelector? Selector)
{
    /// <summary>Every namespace.</summary>
    public static NamespaceMatch Any { get; } = new(null, null);

    /// <summary>Exactly one namespace.</summary>
    public static NamespaceMatch Exactly(string name) => new(name, null);

    /// <summary>Namespaces whose labels match.</summary>
    public static NamespaceMatch Where(LabelSelector selector) => new(null, selector);

    /// <summary>True when <paramref name="identity"/>'s namespace is reached.</summary>
    public bool Matches(Identity identity) =>
        (Name is null || Name == identity.Namespace) && (Selector is null || Selector.Matches(identity.NamespaceLabels));

    /// <inheritdoc/>
    public override string ToString() => Name is not null ? $"namespace {Name}" : Selector is not null ? $"namespaces {Selector}" : "any namespace";
}
