using Palisade.Engine.Cluster;
using Palisade.Engine.Ports;
using Palisade.Policy.Net;

namespace Palisade.Engine.Verdicts;

/// <summary>
/// A connection to decide: source and destination (a pod, or an address), protocol and destination port, and
/// optionally the L7 request it carries (an HTTP request or a DNS query), decided by L7 rules on a redirected port.
/// </summary>
public sealed record FlowQuery(Endpoint? Source, IpAddressValue SourceAddress, Endpoint? Destination, IpAddressValue DestinationAddress, Protocol Protocol, int Port)
{
    /// <summary>The HTTP request the connection carries, if any.</summary>
    public L7.HttpRequest? Http { get; init; }

    /// <summary>The DNS query the connection carries, if any.</summary>
    public L7.DnsQuery? Dns { get; init; }

    /// <summary>The source as text: the pod's key or the address.</summary>
    public string SourceName => Source?.Key ?? SourceAddress.ToString();

    /// <summary>The destination as text.</summary>
    public string DestinationName => Destination?.Key ?? DestinationAddress.ToString();

    /// <inheritdoc/>
    public override string ToString() => $"{SourceName} -> {DestinationName} {ProtocolNames.Name(Protocol)}/{Port}";
}
