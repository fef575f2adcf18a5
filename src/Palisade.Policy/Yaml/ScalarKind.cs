namespace Palisade.Policy.Yaml;

/// <summary>The type a YAML scalar resolves to.</summary>
public enum ScalarKind
{
    Null,
    Bool,
    Int,
    Float,
    String,
}
