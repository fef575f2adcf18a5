using Palisade.Agent.Compilation;
using Palisade.Agent.Flows;
using Palisade.Lab.Agents;
using Palisade.Engine.Ir;
using Palisade.Engine.Verdicts;
using Palisade.Observe.Flows;
using Palisade.Observe.Kernel;
using Palisade.Observe.Metrics;

namespace Palisade.Bench.Observe;

/// <summary>
/// The agent's work per event after decoding, for the NFLOG bench: the <see cref="Flow"/> built as the agent builds it
/// (a default-deny verdict naming a policy), written to a ring of the lab's default size and counted in the metrics
/// with the lab's context labels.
/// </summary>
internal sealed class FlowRingSink
{
    /// <summary>The verdict every bench event is logged under: a default deny naming a policy.</summary>
    public static readonly VerdictRule Rule = new(100, Direction.Ingress,
        new SideDecision(SideReason.DefaultDeny, [], [new PolicyRef("NetworkPolicy", "bench", "deny-all")]));

    private readonly FlowRing ring = new(4096);
    private readonly FlowMetrics metrics = new(FlowMetricsOptions.Parse(AgentObserver.MetricContext));
    private readonly FlowDirectory directory = FlowDirectory.Empty("bench");

    /// <summary>Flows written to the ring.</summary>
    public long Written => ring.SeenFlows;

    /// <summary>Builds, stores and counts the flow of one event.</summary>
    public void Write(in NflogEvent e, in PacketHeaders headers)
    {
        var flow = FlowBuilder.Build(headers, e.Timestamp, Rule.Number, Rule, directory);
        ring.Write(flow);
        metrics.Observe(flow);
    }
}
