using Palisade.Agent;
using Palisade.Agent.Flows;
using Palisade.Agent.Programming;
using Palisade.Observe.Api;
using Palisade.Observe.Flows;
using Palisade.Observe.Kernel;
using Palisade.Observe.Metrics;

namespace Palisade.Lab.Agents;

/// <summary>
/// The flow side of a lab node's agent: its verdict chains' NFLOG group and conntrack's connection ends read in the
/// node's namespace into a ring of <see cref="Flow"/>s, served with the node's metrics over the Observer gRPC API on the node's Unix socket
/// (<see cref="LabPaths.Observer"/>). Enforcement never depends on it: when the group or the socket cannot be had,
/// the agent says so in its log and goes on programming the node.
/// </summary>
internal sealed class AgentObserver : IAsyncDisposable
{
    /// <summary>The metric labels the lab's agents add: the namespaces on both sides.</summary>
    public const string MetricContext = "sourceContext=namespace;destinationContext=namespace";

    private readonly FlowPipeline? pipeline;
    private readonly ConnectionEndPipeline? ends;
    private readonly ObserverServer? server;

    private AgentObserver(FlowRing ring, FlowPipeline? pipeline, ConnectionEndPipeline? ends, ObserverServer? server)
    {
        Ring = ring;
        this.pipeline = pipeline;
        this.ends = ends;
        this.server = server;
    }

    /// <summary>The node's flows.</summary>
    public FlowRing Ring { get; }

    /// <summary>Starts reading and serving the flows of node <paramref name="node"/>, whose verdicts <paramref name="agent"/> numbers.</summary>
    public static async Task<AgentObserver> StartAsync(LabPaths paths, string netns, string node, NodeAgent agent, int capacity, TextWriter log, CancellationToken ct)
    {
        var ring = new FlowRing(capacity);
        var metrics = new FlowMetrics(FlowMetricsOptions.Parse(MetricContext));
        FlowPipeline? pipeline = null;
        try
        {
            pipeline = FlowPipeline.Start(netns, FlowLogging.DefaultGroup, agent.Verdict, FlowDirectory.Empty(node), ring, metrics);
        }
        catch (NetlinkException e)
        {
            await log.WriteLineAsync($"[agent {node}] no flows: {e.Message}").ConfigureAwait(false);
        }
        ConnectionEndPipeline? ends = null;
        try
        {
            ends = ConnectionEndPipeline.Start(netns, FlowDirectory.Empty(node), ring, metrics);
        }
        catch (Exception e) when (e is NetlinkException or IOException or UnauthorizedAccessException)
        {
            await log.WriteLineAsync($"[agent {node}] no connection ends: {e.Message}").ConfigureAwait(false);
        }
        ObserverServer? server = null;
        try
        {
            server = await ObserverServer.StartAsync(new ObserverService(ring, node), new ObserverListenOptions { UnixSocketPath = paths.Observer(node) }, metrics.Registry, ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await log.WriteLineAsync($"[agent {node}] flows not served on {paths.Observer(node)}: {e.Message}").ConfigureAwait(false);
        }
        return new AgentObserver(ring, pipeline, ends, server);
    }

    /// <summary>Why a kernel source stopped reading (the flows stop; enforcement goes on), if one did.</summary>
    public IEnumerable<string> Failures => new[] { pipeline?.Failure, ends?.Failure }.OfType<string>();

    /// <summary>Describes flows read from now on with <paramref name="directory"/> (after each sync).</summary>
    public void Update(FlowDirectory directory)
    {
        pipeline?.Update(directory);
        ends?.Update(directory);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync().ConfigureAwait(false);
        pipeline?.Dispose();
        ends?.Dispose();
    }
}
