namespace Palisade.Lab.Model;

/// <summary>
/// A port of a Service: <see cref="TargetPort"/> is a number or a container port name (resolved per pod); when null,
/// the target is <see cref="Port"/>.
/// </summary>
public sealed record LabServicePort(string? Name, int Port, LabProtocol Protocol, string? TargetPort);
