using Palisade.Observe.Flows;
using Palisade.Observe.Kernel;
using Palisade.Observe.Metrics;

namespace Palisade.Agent.Flows;

/// <summary>
/// A thread reading one kernel event source of a node into the node's ring and metrics, describing addresses with the
/// directory of the agent's last sync (swapped whole, <see cref="Update"/>). Events the source counted as lost are
/// reported to the ring's readers and the metrics before the next flow is written.
/// </summary>
internal abstract class KernelFlowSource : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Thread thread;
    private readonly FlowRing ring;
    private readonly FlowMetrics? metrics;
    private FlowDirectory directory;
    private long lostReported;

    /// <summary>Prepares the thread (named <paramref name="name"/>); subclasses call <see cref="Start"/> once their reader is open.</summary>
    protected KernelFlowSource(string name, FlowDirectory directory, FlowRing ring, FlowMetrics? metrics)
    {
        (this.directory, this.ring, this.metrics) = (directory, ring, metrics);
        thread = new Thread(Loop) { IsBackground = true, Name = name + " " + directory.Node };
    }

    /// <summary>Why the source stopped reading before it was disposed (the kernel refused a receive), or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>The directory flows are described with now.</summary>
    protected FlowDirectory Directory => Volatile.Read(ref directory);

    /// <summary>Events the source counted as lost so far.</summary>
    protected abstract long Lost { get; }

    /// <summary>Uses <paramref name="next"/> for the addresses of the flows read from now on.</summary>
    public void Update(FlowDirectory next) => Volatile.Write(ref directory, next);

    /// <summary>Stops the thread and closes the source.</summary>
    public void Dispose()
    {
        stop.Cancel();
        thread.Join();
        CloseSource();
        stop.Dispose();
    }

    private void Loop()
    {
        try
        {
            Run(stop.Token);
        }
        catch (NetlinkException e)
        {
            Failure = e.Message;   // the flows stop; enforcement never depended on them
        }
    }

    /// <summary>Starts the thread.</summary>
    protected void Start() => thread.Start();

    /// <summary>Reads events until <paramref name="token"/> is cancelled.</summary>
    protected abstract void Run(CancellationToken token);

    /// <summary>Closes the source (the thread has ended).</summary>
    protected abstract void CloseSource();

    /// <summary>Writes a flow to the ring and the metrics, after telling them of events lost since the last one.</summary>
    protected void Write(Flow flow)
    {
        var lost = Lost;
        if (lost != lostReported)
        {
            var missed = (ulong)(lost - lostReported);
            lostReported = lost;
            ring.AddLost(missed, LostEventSource.PerfEventRingBuffer);
            metrics?.ObserveLost(new LostEvent { Source = LostEventSource.PerfEventRingBuffer, NumEventsLost = missed });
        }
        ring.Write(flow);
        metrics?.Observe(flow);
    }
}
