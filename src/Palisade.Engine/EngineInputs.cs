using Palisade.Policy.Inventory;

namespace Palisade.Engine;

/// <summary>What the engine is built from besides manifests: resolvers for security groups and engine options.</summary>
public sealed record EngineInputs
{
    /// <summary>The AWS security groups and their members (from <c>--sg-inventory</c>); null: none given.</summary>
    public SecurityGroupInventory? SecurityGroups { get; init; }

    /// <summary>Options of the built engine (the DNS cache toFQDNs peers resolve through).</summary>
    public EngineOptions Engine { get; init; } = new();
}
