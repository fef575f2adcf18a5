using Palisade.Observe.Flows;
using Palisade.Observe.Kernel;
using Palisade.Observe.Metrics;

namespace Palisade.Agent.Flows;

/// <summary>
/// Connection ends of a node: conntrack's DESTROY events read in the node's namespace (with accounting and timestamps
/// switched on there) into the same ring and metrics as the verdicts. DESTROY events can be lost under bursts (the
/// research measured it); the reader counts what the socket could not hold and the ring reports it.
/// </summary>
internal sealed class ConnectionEndPipeline : KernelFlowSource
{
    private readonly ConntrackEventReader reader;

    private ConnectionEndPipeline(ConntrackEventReader reader, FlowDirectory directory, FlowRing ring, FlowMetrics? metrics)
        : base("conntrack", directory, ring, metrics) => this.reader = reader;

    /// <summary>Starts reading connection ends in namespace <paramref name="netns"/>.</summary>
    /// <exception cref="NetlinkException">The namespace is missing or ctnetlink cannot be had.</exception>
    public static ConnectionEndPipeline Start(string? netns, FlowDirectory directory, FlowRing ring, FlowMetrics? metrics)
    {
        ConntrackEventReader.EnableAccounting(netns);
        ConntrackEventReader.EnableTimestamps(netns);
        var pipeline = new ConnectionEndPipeline(ConntrackEventReader.OpenIn(netns), directory, ring, metrics);
        pipeline.Start();
        return pipeline;
    }

    /// <inheritdoc/>
    protected override long Lost => reader.Lost;

    /// <inheritdoc/>
    protected override void Run(CancellationToken token) => reader.Run(Handle, token);

    /// <inheritdoc/>
    protected override void CloseSource() => reader.Dispose();

    private void Handle(in ConntrackEvent e)
    {
        if (e.Type == ConntrackEventType.Destroy) Write(FlowBuilder.ConnectionEnd(e, DateTime.UtcNow, Directory));
    }
}
