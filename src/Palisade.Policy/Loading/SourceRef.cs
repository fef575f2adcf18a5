using Palisade.Policy.Diagnostics;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Loading;

/// <summary>Where a loaded object came from: its document and its path in it (non-empty inside a List).</summary>
public sealed record SourceRef(YDocument Document, FieldPath Path)
{
    /// <summary>The location of a field of this object.</summary>
    public SourceLocation Locate(FieldPath relative) => Document.Locate(Resolve(relative));

    /// <summary>The path of a field of this object from the document root (as the binder reports it).</summary>
    public FieldPath Resolve(FieldPath relative)
    {
        var full = Path;
        foreach (var s in relative.Segments) full = s is int i ? full.Index(i) : full.Field((string)s);
        return full;
    }

    /// <summary>The location of the object itself.</summary>
    public SourceLocation Location => Document.Locate(Path);

    /// <inheritdoc/>
    public override string ToString() => Location.ToString();
}
