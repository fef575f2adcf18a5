namespace Palisade.Policy.Yaml;

/// <summary>A scalar: its text and whether it was quoted (a quoted scalar is always a string).</summary>
public sealed class YScalar(string value, bool quoted, int line, int column) : YNode(line, column)
{
    /// <summary>The scalar's text.</summary>
    public string Value { get; } = value;

    /// <summary>True for single- or double-quoted (or block) scalars, which never resolve to a number, bool or null.</summary>
    public bool Quoted { get; } = quoted;

    /// <summary>What the scalar resolves to, as sigs.k8s.io/yaml (YAML 1.1) resolves plain scalars.</summary>
    public ScalarKind Kind => Quoted ? ScalarKind.String : ScalarResolver.Resolve(Value);

    /// <inheritdoc/>
    public override string Describe() => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Bool => $"the boolean {Value}",
        ScalarKind.Int => $"the number {Value}",
        ScalarKind.Float => $"the number {Value}",
        _ => $"the string \"{Value}\"",
    };
}
