using System.Text;

namespace Palisade.Policy.Yaml;

/// <summary>
/// An immutable field path such as <c>spec.ingress[0].from[1].ipBlock.cidr</c>, kept as segments so it can be
/// both printed and located in a <see cref="YNode"/> tree.
/// </summary>
public sealed class FieldPath
{
    private readonly FieldPath? _parent;
    private readonly string? _field;
    private readonly int _index;

    private FieldPath(FieldPath? parent, string? field, int index)
    {
        _parent = parent;
        _field = field;
        _index = index;
    }

    /// <summary>The empty path (the document root).</summary>
    public static FieldPath Root { get; } = new(null, null, -1);

    /// <summary>This path followed by a field name or map key.</summary>
    public FieldPath Field(string name) => new(this, name, -1);

    /// <summary>This path followed by a list index.</summary>
    public FieldPath Index(int index) => new(this, null, index);

    /// <summary>The segments from the root: a string for a field or key, an int for an index.</summary>
    public IReadOnlyList<object> Segments
    {
        get
        {
            var list = new List<object>();
            for (var p = this; p._parent is not null; p = p._parent)
            {
                list.Add(p._field is not null ? p._field : p._index);
            }
            list.Reverse();
            return list;
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var s in Segments)
        {
            if (s is int i) sb.Append('[').Append(i).Append(']');
            else if (((string)s).AsSpan().IndexOfAny(".[]") >= 0 || ((string)s).Length == 0) sb.Append("[\"").Append((string)s).Append("\"]");
            else sb.Append(sb.Length == 0 ? "" : ".").Append((string)s);
        }
        return sb.ToString();
    }
}
