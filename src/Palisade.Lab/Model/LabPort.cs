namespace Palisade.Lab.Model;

/// <summary>A container port a pod's workload listens on.</summary>
public sealed record LabPort(string? Name, int Port, LabProtocol Protocol);
