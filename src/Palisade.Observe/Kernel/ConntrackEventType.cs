namespace Palisade.Observe.Kernel;

/// <summary>What happened to a connection-tracking entry.</summary>
public enum ConntrackEventType
{
    /// <summary>A new connection was confirmed (its first packet left the stack).</summary>
    New,

    /// <summary>An entry changed (state, status, mark); only when updates are asked for.</summary>
    Update,

    /// <summary>An entry ended (timed out, closed, or flushed); carries its final counters.</summary>
    Destroy,
}
