namespace Palisade.Testing.Oracle;

/// <summary>A CiliumNetworkPolicy (cilium.io/v2) as the oracle sees it: its namespace and its rules.</summary>
/// <param name="Name">metadata.name.</param>
/// <param name="Namespace">metadata.namespace: the only namespace its endpoint selectors select in.</param>
/// <param name="Rules">The rules: the one <c>spec</c>, or every item of <c>specs</c>.</param>
/// <param name="AsSpecs">True if the rules are written as a <c>specs</c> list rather than one <c>spec</c>.</param>
public sealed record CiliumOraclePolicy(string Name, string Namespace, IReadOnlyList<CiliumOracleRule> Rules, bool AsSpecs);
