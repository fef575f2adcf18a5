namespace Palisade.Observe.Api;

/// <summary>A node an <see cref="ObserverRelay"/> reads from.</summary>
/// <param name="Name">The node's name, put on the responses relayed from it and reported when it is unavailable.</param>
/// <param name="Client">A client of the node's Observer API.</param>
internal sealed record RelayNode(string Name, ObserverClient Client);
