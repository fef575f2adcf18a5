using Palisade.Policy.Diagnostics;

namespace Palisade.Policy.Yaml;

/// <summary>One document of an input stream: its root node and the file it came from.</summary>
public sealed record YDocument(string File, int Index, YNode Root)
{
    /// <summary>The source location of the node at <paramref name="path"/>, or of its nearest existing ancestor.</summary>
    public SourceLocation Locate(FieldPath path)
    {
        var node = NodeLocator.Find(Root, path);
        return new SourceLocation(File, node.Line, node.Column);
    }
}
