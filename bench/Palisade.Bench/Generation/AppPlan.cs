namespace Palisade.Bench.Generation;

/// <summary>One Deployment of the generated cluster: its labels, replica count and named container ports.</summary>
internal sealed record AppPlan(string Namespace, string Name, string App, string Tier, string? Version, int Replicas, IReadOnlyList<PortPlan> Ports);

/// <summary>A named container port.</summary>
internal sealed record PortPlan(string Name, string Protocol, int Port);
