namespace Palisade.Policy.Yaml;

/// <summary>
/// An immutable YAML/JSON node with its position in the source. Loading keeps this tree next to every
/// typed object so that any field path can be located for an error message.
/// </summary>
public abstract class YNode(int line, int column)
{
    /// <summary>1-based line of the node's first character.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column of the node's first character.</summary>
    public int Column { get; } = column;

    /// <summary>A short name of the node's kind for error messages ("a mapping", "a list", "a string").</summary>
    public abstract string Describe();
}
