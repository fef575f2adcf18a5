using Palisade.Engine.Ports;

namespace Palisade.Engine.Ir;

/// <summary>
/// A port condition: a protocol and an inclusive range, or a named port resolved against the destination pod.
/// A null protocol means TCP, UDP and SCTP.
/// </summary>
public sealed record IrPort(Protocol? Protocol, int From, int To, string? Name = null)
{
    /// <summary>The protocols this condition covers.</summary>
    public IEnumerable<Protocol> Protocols => Protocol is { } p ? [p] : PortSet.L4Protocols;
}
