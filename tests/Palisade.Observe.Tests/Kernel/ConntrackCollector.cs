using Palisade.Observe.Kernel;

namespace Palisade.Observe.Tests.Kernel;

/// <summary>Runs a <see cref="ConntrackEventReader"/> on its own thread and keeps every event; disposing stops it and the reader.</summary>
internal sealed class ConntrackCollector : IDisposable
{
    private readonly List<ConntrackEvent> events = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Thread thread;

    /// <summary>Starts reading.</summary>
    public ConntrackCollector(ConntrackEventReader reader)
    {
        Reader = reader;
        thread = new Thread(() => reader.Run(Keep, stop.Token)) { IsBackground = true, Name = "conntrack test reader" };
        thread.Start();
    }

    /// <summary>The reader being run.</summary>
    public ConntrackEventReader Reader { get; }

    /// <summary>Waits (up to 20 s) for the first event matching <paramref name="predicate"/>; null if none came.</summary>
    public async Task<ConntrackEvent?> WaitForAsync(Func<ConntrackEvent, bool> predicate)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            lock (events)
            {
                foreach (var e in events) if (predicate(e)) return e;
            }
            await Task.Delay(20);
        }
        return null;
    }

    /// <summary>Stops the reading thread and disposes the reader.</summary>
    public void Dispose()
    {
        stop.Cancel();
        thread.Join();
        Reader.Dispose();
        stop.Dispose();
    }

    private void Keep(in ConntrackEvent e)
    {
        lock (events) events.Add(e);
    }
}
