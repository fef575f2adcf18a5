namespace Palisade.Observe.Flows;

/// <summary>The L4 ports of a flow (TCP, UDP or SCTP); none for ICMP and flows without L4.</summary>
internal static class FlowPorts
{
    /// <summary>The source port, or null.</summary>
    public static uint? Source(Flow flow) => flow.L4?.ProtocolCase switch
    {
        Layer4.ProtocolOneofCase.TCP => flow.L4.TCP.SourcePort,
        Layer4.ProtocolOneofCase.UDP => flow.L4.UDP.SourcePort,
        Layer4.ProtocolOneofCase.SCTP => flow.L4.SCTP.SourcePort,
        _ => null,
    };

    /// <summary>The destination port, or null.</summary>
    public static uint? Destination(Flow flow) => flow.L4?.ProtocolCase switch
    {
        Layer4.ProtocolOneofCase.TCP => flow.L4.TCP.DestinationPort,
        Layer4.ProtocolOneofCase.UDP => flow.L4.UDP.DestinationPort,
        Layer4.ProtocolOneofCase.SCTP => flow.L4.SCTP.DestinationPort,
        _ => null,
    };
}
