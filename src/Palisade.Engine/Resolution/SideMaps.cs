namespace Palisade.Engine.Resolution;

/// <summary>
/// What decides one side of an endpoint: the map of every policy (the would-be decision, as if everything were
/// enforced) and the map of what is enforced. They are the same map unless something on this side is in audit.
/// </summary>
internal readonly record struct SideMaps(DirectionalPolicy? WouldBe, DirectionalPolicy? Enforced)
{
    /// <summary>True when the maps differ: a would-be drop may be let through as an audit verdict.</summary>
    public bool Audited => !ReferenceEquals(WouldBe, Enforced);

    /// <summary>The maps of <paramref name="map"/>; nothing is enforced when the endpoint is in audit mode.</summary>
    public static SideMaps Of(DirectionalPolicy? map, bool endpointInAudit) => new(map, endpointInAudit ? null : map?.Enforced);
}
