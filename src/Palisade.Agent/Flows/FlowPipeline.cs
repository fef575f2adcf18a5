using Palisade.Agent.Compilation;
using Palisade.Observe.Flows;
using Palisade.Observe.Kernel;
using Palisade.Observe.Metrics;

namespace Palisade.Agent.Flows;

/// <summary>
/// A node's flows from kernel to ring buffer: a thread reads the verdict chains' NFLOG group in the node's namespace,
/// turns each packet into a <see cref="Flow"/> (<see cref="FlowBuilder"/>) with the verdicts the agent numbered and
/// the directory of its last sync, and writes it to the ring and the metrics. Events the kernel could not deliver are
/// counted (sequence gaps) and reported to readers as lost events.
/// </summary>
internal sealed class FlowPipeline : IDisposable
{
    private readonly NflogReader reader;
    private readonly Func<uint, VerdictRule?> verdicts;
    private readonly FlowRing ring;
    private readonly FlowMetrics? metrics;
    private readonly CancellationTokenSource stop = new();
    private readonly Thread thread;
    private FlowDirectory directory;
    private long lostReported;

    private FlowPipeline(NflogReader reader, Func<uint, VerdictRule?> verdicts, FlowDirectory directory, FlowRing ring, FlowMetrics? metrics)
    {
        (this.reader, this.verdicts, this.directory, this.ring, this.metrics) = (reader, verdicts, directory, ring, metrics);
        thread = new Thread(Run) { IsBackground = true, Name = "flows " + directory.Node };
    }

    /// <summary>Starts reading NFLOG group <paramref name="group"/> in namespace <paramref name="netns"/> (null: this one).</summary>
    /// <exception cref="NetlinkException">The group cannot be bound (another reader holds it) or the namespace is missing.</exception>
    public static FlowPipeline Start(string? netns, ushort group, Func<uint, VerdictRule?> verdicts, FlowDirectory directory, FlowRing ring, FlowMetrics? metrics)
    {
        var pipeline = new FlowPipeline(NflogReader.OpenIn(netns, group), verdicts, directory, ring, metrics);
        pipeline.thread.Start();
        return pipeline;
    }

    /// <summary>Events read from the kernel.</summary>
    public long Received => reader.Received;

    /// <summary>Events the kernel dropped before this reader got them.</summary>
    public long Lost => reader.Lost;

    /// <summary>Uses <paramref name="next"/> for the addresses of the flows read from now on.</summary>
    public void Update(FlowDirectory next) => Volatile.Write(ref directory, next);

    /// <summary>Stops the thread and closes the socket.</summary>
    public void Dispose()
    {
        stop.Cancel();
        thread.Join();
        reader.Dispose();
        stop.Dispose();
    }

    private void Run()
    {
        try
        {
            reader.Run(Handle, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Handle(in NflogEvent e)
    {
        FlowLoss.Report(reader.Lost, ref lostReported, ring, metrics);
        if (!e.TryParsePrefixNumber(out var number) || !e.TryParseHeaders(out var headers)) return;
        var flow = FlowBuilder.Build(headers, e.Timestamp, number, verdicts(number), Volatile.Read(ref directory));
        ring.Write(flow);
        metrics?.Observe(flow);
    }
}
