using Palisade.Engine.Cluster;
using Palisade.Engine.Ports;
using Palisade.Policy.Net;

namespace Palisade.Engine.Verdicts;

/// <summary>A connection to decide: source and destination (a pod, or an address), protocol and destination port.</summary>
public sealed record FlowQuery(Endpoint? Source, IpAddressValue SourceAddress, Endpoint? Destination, IpAddressValue DestinationAddress, Protocol Protocol, int Port)
{
    /// <summary>The source as text: the pod's key or the address.</summary>
    public string SourceName => Source?.Key ?? SourceAddress.ToString();

    /// <summary>The destination as text.</summary>
    public string DestinationName => Destination?.Key ?? DestinationAddress.ToString();

    /// <inheritdoc/>
    public override string ToString() => $"{SourceName} -> {DestinationName} {ProtocolNames.Name(Protocol)}/{Port}";
}
