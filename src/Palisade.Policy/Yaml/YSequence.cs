namespace Palisade.Policy.Yaml;

/// <summary>A sequence (list).</summary>
public sealed class YSequence(IReadOnlyList<YNode> items, int line, int column) : YNode(line, column)
{
    /// <summary>The items in order.</summary>
    public IReadOnlyList<YNode> Items { get; } = items;

    /// <inheritdoc/>
    public override string Describe() => "a list";
}
