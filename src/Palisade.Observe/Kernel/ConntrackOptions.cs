namespace Palisade.Observe.Kernel;

/// <summary>Which conntrack events a <see cref="ConntrackEventReader"/> subscribes to, and its buffer.</summary>
public sealed record ConntrackOptions
{
    /// <summary>The defaults: new and destroy events, 32 MiB buffer.</summary>
    public static ConntrackOptions Default { get; } = new();

    /// <summary>
    /// The socket's receive buffer. Destroy events come in bursts (a flush or a timeout sweep ends thousands of
    /// entries at once), so it is large; bursts beyond it are lost and counted.
    /// </summary>
    public int ReceiveBufferSize { get; init; } = 32 * 1024 * 1024;

    /// <summary>Also subscribe to update events (state and status changes), which are many more.</summary>
    public bool IncludeUpdates { get; init; }
}
