using Palisade.Testing.Oracle;

namespace Palisade.Testing.Generators;

/// <summary>A generated CiliumNetworkPolicy: the oracle's model and the YAML document written from it.</summary>
/// <param name="Model">What the oracle evaluates.</param>
public sealed record CiliumGeneratedPolicy(CiliumOraclePolicy Model)
{
    /// <summary>The policy's namespace.</summary>
    public string Namespace => Model.Namespace;

    /// <summary>The CiliumNetworkPolicy as one YAML document (no "---").</summary>
    public string Yaml { get; } = CiliumYaml.Write(Model);
}
