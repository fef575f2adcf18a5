namespace Palisade.Agent.Compilation;

/// <summary>
/// Where a local endpoint's packets go: the policy chain of its identity for each direction, or null when nothing
/// restricts that direction (the endpoint is known, and its traffic goes on). <see cref="Identity"/> is the endpoint's
/// identity number (0 for an exempt host-network pod), kept so that a policy change can find the endpoints it touches.
/// </summary>
public sealed record EndpointDispatch(uint Identity, string? Egress, string? Ingress);
