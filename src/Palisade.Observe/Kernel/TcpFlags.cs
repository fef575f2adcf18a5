namespace Palisade.Observe.Kernel;

/// <summary>The flags of a TCP header (the nine bits after the data offset).</summary>
[Flags]
public enum TcpFlags : ushort
{
    /// <summary>No flag set.</summary>
    None = 0,

    /// <summary>FIN: the sender has finished sending.</summary>
    Fin = 0x001,

    /// <summary>SYN: synchronise sequence numbers (connection start).</summary>
    Syn = 0x002,

    /// <summary>RST: reset the connection.</summary>
    Rst = 0x004,

    /// <summary>PSH: push the data to the application.</summary>
    Psh = 0x008,

    /// <summary>ACK: the acknowledgement number is valid.</summary>
    Ack = 0x010,

    /// <summary>URG: the urgent pointer is valid.</summary>
    Urg = 0x020,

    /// <summary>ECE: ECN echo.</summary>
    Ece = 0x040,

    /// <summary>CWR: congestion window reduced.</summary>
    Cwr = 0x080,

    /// <summary>NS: ECN nonce (historic).</summary>
    Ns = 0x100,
}
