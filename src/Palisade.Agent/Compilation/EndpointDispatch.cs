namespace Palisade.Agent.Compilation;

/// <summary>
/// Where a local endpoint's packets go: the policy chain of its identity for each direction, or null when nothing
/// restricts that direction (the endpoint is known, and its traffic goes on).
/// </summary>
public sealed record EndpointDispatch(string? Egress, string? Ingress);
