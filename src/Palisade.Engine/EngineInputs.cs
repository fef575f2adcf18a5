using Palisade.Policy.Net;

namespace Palisade.Engine;

/// <summary>What the engine is built from besides manifests: resolvers for security groups and engine options.</summary>
public sealed record EngineInputs
{
    /// <summary>Resolves AWS security group ids and names to member prefixes (from an inventory file); null: none given.</summary>
    public Func<IEnumerable<string>, IEnumerable<string>, (IReadOnlyList<Cidr> Members, IReadOnlyList<string> Unknown)>? SecurityGroups { get; init; }

    /// <summary>Options of the built engine (the DNS cache toFQDNs peers resolve through).</summary>
    public EngineOptions Engine { get; init; } = new();
}
