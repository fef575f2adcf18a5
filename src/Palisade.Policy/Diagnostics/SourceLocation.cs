namespace Palisade.Policy.Diagnostics;

/// <summary>A place in an input file: 1-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
