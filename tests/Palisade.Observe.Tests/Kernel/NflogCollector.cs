using Palisade.Observe.Kernel;

namespace Palisade.Observe.Tests.Kernel;

/// <summary>Runs an <see cref="NflogReader"/> on its own thread and keeps every event; disposing stops it and the reader.</summary>
internal sealed class NflogCollector : IDisposable
{
    private readonly List<LoggedPacket> packets = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Thread thread;

    /// <summary>Starts reading.</summary>
    public NflogCollector(NflogReader reader)
    {
        Reader = reader;
        thread = new Thread(() => reader.Run(Keep, stop.Token)) { IsBackground = true, Name = "nflog test reader" };
        thread.Start();
    }

    /// <summary>The reader being run.</summary>
    public NflogReader Reader { get; }

    /// <summary>The events so far, in arrival order.</summary>
    public IReadOnlyList<LoggedPacket> Packets
    {
        get
        {
            lock (packets) return [.. packets];
        }
    }

    /// <summary>Waits until <paramref name="predicate"/> holds for the events so far (or <paramref name="timeout"/>, default 20 s, passed), and returns them.</summary>
    public async Task<IReadOnlyList<LoggedPacket>> WaitAsync(Func<IReadOnlyList<LoggedPacket>, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!predicate(Packets) && DateTime.UtcNow < deadline) await Task.Delay(20);
        return Packets;
    }

    /// <summary>Waits until at least <paramref name="count"/> events arrived (or 20 s passed).</summary>
    public Task<IReadOnlyList<LoggedPacket>> WaitForCountAsync(int count) => WaitAsync(p => p.Count >= count);

    /// <summary>Stops the reading thread and disposes the reader.</summary>
    public void Dispose()
    {
        stop.Cancel();
        thread.Join();
        Reader.Dispose();
        stop.Dispose();
    }

    private void Keep(in NflogEvent e)
    {
        var packet = LoggedPacket.From(e);
        lock (packets) packets.Add(packet);
    }
}
