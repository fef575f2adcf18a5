namespace Palisade.Policy.Yaml;

/// <summary>A mapping, in source order.</summary>
public sealed class YMapping(IReadOnlyList<KeyValuePair<YScalar, YNode>> entries, int line, int column) : YNode(line, column)
{
    /// <summary>Key/value pairs in source order.</summary>
    public IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries { get; } = entries;

    /// <summary>The value of a key, or null.</summary>
    public YNode? this[string key]
    {
        get
        {
            foreach (var (k, v) in Entries)
            {
                if (k.Value == key) return v;
            }
            return null;
        }
    }

    /// <summary>The key node itself (for locating a field name), or null.</summary>
    public YScalar? KeyNode(string key)
    {
        foreach (var (k, _) in Entries)
        {
            if (k.Value == key) return k;
        }
        return null;
    }

    /// <inheritdoc/>
    public override string Describe() => "a mapping";
}
