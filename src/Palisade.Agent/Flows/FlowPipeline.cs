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
internal sealed class FlowPipeline : KernelFlowSource
{
    private readonly NflogReader reader;
    private readonly Func<uint, VerdictRule?> verdicts;

    private FlowPipeline(NflogReader reader, Func<uint, VerdictRule?> verdicts, FlowDirectory directory, FlowRing ring, FlowMetrics? metrics)
        : base("flows", directory, ring, metrics) => (this.reader, this.verdicts) = (reader, verdicts);

    /// <summary>Starts reading NFLOG group <paramref name="group"/> in namespace <paramref name="netns"/> (null: this one).</summary>
    /// <exception cref="NetlinkException">The group cannot be bound (another reader holds it) or the namespace is missing.</exception>
    public static FlowPipeline Start(string? netns, ushort group, Func<uint, VerdictRule?> verdicts, FlowDirectory directory, FlowRing ring, FlowMetrics? metrics)
    {
        var pipeline = new FlowPipeline(NflogReader.OpenIn(netns, group), verdicts, directory, ring, metrics);
        pipeline.Start();
        return pipeline;
    }

    /// <inheritdoc/>
    protected override long Lost => reader.Lost;

    /// <inheritdoc/>
    protected override void Run(CancellationToken token) => reader.Run(Handle, token);

    /// <inheritdoc/>
    protected override void CloseSource() => reader.Dispose();

    private void Handle(in NflogEvent e)
    {
        if (!e.TryParsePrefixNumber(out var number) || !e.TryParseHeaders(out var headers)) return;
        Write(FlowBuilder.Build(headers, e.Timestamp, number, verdicts(number), Directory));
    }
}
