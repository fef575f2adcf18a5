using System.Collections;

namespace Palisade.Engine.Labels;

/// <summary>
/// An immutable set of labels with a canonical text form (<c>k=v,k2=v2</c> sorted by key), used as the identity
/// key of pods and namespaces.
/// </summary>
public sealed class LabelSet : IReadOnlyDictionary<string, string>, IEquatable<LabelSet>
{
    private readonly Dictionary<string, string> _labels;

    /// <summary>Builds a label set (null means no labels).</summary>
    public LabelSet(IEnumerable<KeyValuePair<string, string>>? labels)
    {
        _labels = new Dictionary<string, string>(labels ?? [], StringComparer.Ordinal);
        Key = string.Join(',', _labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
    }

    /// <summary>The empty label set.</summary>
    public static LabelSet Empty { get; } = new(null);

    /// <summary>The canonical text form.</summary>
    public string Key { get; }

    /// <inheritdoc/>
    public string this[string key] => _labels[key];

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _labels.Keys;

    /// <inheritdoc/>
    public IEnumerable<string> Values => _labels.Values;

    /// <inheritdoc/>
    public int Count => _labels.Count;

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _labels.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, out string value) => _labels.TryGetValue(key, out value!);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(LabelSet? other) => other is not null && Key == other.Key;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    /// <inheritdoc/>
    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => Key;
}
