namespace Palisade.Lab.Probing;

/// <summary>How a probe of a port ended.</summary>
internal enum ProbeOutcome
{
    /// <summary>TCP/SCTP: the connection was accepted; UDP: a reply came back.</summary>
    Connected,

    /// <summary>TCP: a reset; UDP: an ICMP port unreachable (nobody listens, or a policy rejects).</summary>
    Refused,

    /// <summary>Nothing came back before the timeout (e.g. a policy drops the packets).</summary>
    Timeout,

    /// <summary>The network said the host or network cannot be reached (ICMP unreachable, an unreachable route).</summary>
    Unreachable,

    /// <summary>This machine cannot probe the protocol (SCTP without kernel support).</summary>
    Unsupported,

    /// <summary>Any other failure; the detail says which.</summary>
    Error,
}
