using k8s.Models;

namespace Palisade.Engine.Labels;

/// <summary>
/// A compiled label selector: all requirements must hold; no requirement selects everything. Equality is by the
/// canonical text, so equal selectors share one selector-cache entry.
/// </summary>
public sealed class LabelSelector : IEquatable<LabelSelector>
{
    private LabelSelector(IReadOnlyList<Requirement> requirements)
    {
        Requirements = requirements;
        Key = string.Join(",", requirements.Select(r => r.ToString()));
    }

    /// <summary>The selector that selects everything.</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>The requirements, sorted canonically.</summary>
    public IReadOnlyList<Requirement> Requirements { get; }

    /// <summary>Canonical text, as kubectl prints selectors (empty for "everything").</summary>
    public string Key { get; }

    /// <summary>True when it has no requirement.</summary>
    public bool IsEverything => Requirements.Count == 0;

    /// <summary>Builds a selector from requirements.</summary>
    public static LabelSelector Of(IEnumerable<Requirement> requirements) =>
        new([.. requirements.Select(r => r with { Values = [.. r.Values.Distinct().Order(StringComparer.Ordinal)] })
            .OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Operator).ThenBy(r => string.Join(",", r.Values), StringComparer.Ordinal)]);

    /// <summary>Compiles the official model (matchLabels become single-value In requirements).</summary>
    public static LabelSelector From(V1LabelSelector selector)
    {
        var requirements = (selector.MatchLabels ?? new Dictionary<string, string>())
            .Select(kv => new Requirement(kv.Key, SelectorOperator.In, [kv.Value]))
            .Concat((selector.MatchExpressions ?? []).Select(e => new Requirement(e.Key, Enum.Parse<SelectorOperator>(e.OperatorProperty), [.. e.Values ?? []])));
        return Of(requirements);
    }

    /// <summary>True when every requirement holds for <paramref name="labels"/>.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var r in Requirements)
        {
            if (!r.Matches(labels)) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(LabelSelector? other) => other is not null && Key == other.Key;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LabelSelector);

    /// <inheritdoc/>
    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => IsEverything ? "{}" : Key;
}
