namespace Palisade.Observe.Kernel;

/// <summary>What one <see cref="NetlinkSocket.Receive"/> call got.</summary>
internal enum ReceiveStatus
{
    /// <summary>A datagram was copied into the buffer.</summary>
    Data,

    /// <summary>The kernel dropped messages because the socket's receive buffer was full (ENOBUFS).</summary>
    Overrun,

    /// <summary>Nothing arrived within the timeout.</summary>
    TimedOut,

    /// <summary><see cref="NetlinkSocket.Interrupt"/> woke the call.</summary>
    Interrupted,

    /// <summary>The socket is disposed.</summary>
    Closed,
}
