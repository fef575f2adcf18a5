using Palisade.Observe.Flows;
using Palisade.Observe.Kernel;
using Palisade.Observe.Metrics;

namespace Palisade.Agent.Flows;

/// <summary>
/// Connection ends of a node: conntrack's DESTROY events read in the node's namespace (with accounting and timestamps
/// switched on there) into the same ring and metrics as the verdicts. DESTROY events can be lost under bursts (the
/// research measured it); the reader counts what the socket could not hold and the ring reports it.
/// </summary>
internal sealed class ConnectionEndPipeline : IDisposable
{
    private readonly ConntrackEventReader reader;
    private readonly FlowRing ring;
    private readonly FlowMetrics? metrics;
    private readonly CancellationTokenSource stop = new();
    private readonly Thread thread;
    private FlowDirectory directory;
    private long lostReported;

    private ConnectionEndPipeline(ConntrackEventReader reader, FlowDirectory directory, FlowRing ring, FlowMetrics? metrics)
    {
        (this.reader, this.directory, this.ring, this.metrics) = (reader, directory, ring, metrics);
        thread = new Thread(Run) { IsBackground = true, Name = "conntrack " + directory.Node };
    }

    /// <summary>Starts reading connection ends in namespace <paramref name="netns"/>.</summary>
    /// <exception cref="NetlinkException">The namespace is missing or ctnetlink cannot be had.</exception>
    public static ConnectionEndPipeline Start(string? netns, FlowDirectory directory, FlowRing ring, FlowMetrics? metrics)
    {
        ConntrackEventReader.EnableAccounting(netns);
        ConntrackEventReader.EnableTimestamps(netns);
        var pipeline = new ConnectionEndPipeline(ConntrackEventReader.OpenIn(netns), directory, ring, metrics);
        pipeline.thread.Start();
        return pipeline;
    }

    /// <summary>Uses <paramref name="next"/> for the addresses of the connections read from now on.</summary>
    public void Update(FlowDirectory next) => Volatile.Write(ref directory, next);

    /// <summary>Stops the thread and closes the socket.</summary>
    public void Dispose()
    {
        stop.Cancel();
        thread.Join();
        reader.Dispose();
        stop.Dispose();
    }

    private void Run() => reader.Run(Handle, stop.Token);

    private void Handle(in ConntrackEvent e)
    {
        FlowLoss.Report(reader.Lost, ref lostReported, ring, metrics);
        if (e.Type != ConntrackEventType.Destroy) return;
        var flow = FlowBuilder.ConnectionEnd(e, DateTime.UtcNow, Volatile.Read(ref directory));
        ring.Write(flow);
        metrics?.Observe(flow);
    }
}
