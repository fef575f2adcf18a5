using Palisade.Engine.Ports;

namespace Palisade.Engine.Cluster;

/// <summary>A container port with a name, as declared in a pod's spec.</summary>
public readonly record struct NamedPort(string Name, Protocol Protocol, int Port);
