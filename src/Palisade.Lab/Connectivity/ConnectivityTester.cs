using Palisade.Engine;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ports;
using Palisade.Engine.Verdicts;
using Palisade.Lab.Model;
using Palisade.Lab.Netns;
using Palisade.Lab.Probing;
using Palisade.Lab.State;
using Palisade.Policy.Net;

namespace Palisade.Lab.Connectivity;

/// <summary>
/// Probes every ordered pair of pods (and every pod to every world host) on the given ports from inside the pods, in
/// parallel with a bounded timeout, and sets each observation beside the engine's prediction for the same state.
/// A connected or refused probe reached the destination (the kernel let it through; refused only means nothing
/// listens there), a timed-out or unreachable one was stopped.
/// </summary>
public static class ConnectivityTester
{
    /// <summary>Runs the test on <paramref name="snapshot"/>; <paramref name="ns"/> limits the pods to one namespace (null: all but kube-system).</summary>
    public static async Task<ConnectivityReport> RunAsync(LabSnapshot snapshot, PolicyEngine engine, IReadOnlyList<ConnectivityProbe> probes, string? ns,
        TimeSpan timeout, IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        if (probes.Any(p => p.Protocol == LabProtocol.Sctp) && !KernelFeatures.HasSctp) throw new LabException(KernelFeatures.SctpMissing + "; leave SCTP out of --probe");
        var pods = snapshot.Records.Where(r => r.Phase == "Running" && (ns is null ? r.Namespace != "kube-system" : r.Namespace == ns)).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var targets = pods.Select(p => (Name: p.Key, Address: p.Ip)).Concat(snapshot.WorldHosts.Select(h => (Name: h.Names[0], h.Address))).ToList();
        var work = (from s in pods from t in targets where s.Key != t.Name from p in probes select (Source: s, Target: t, Probe: p)).ToList();
        var cells = new ConnectivityCell[work.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, work.Count), new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct }, async (i, token) =>
        {
            var (source, target, probe) = work[i];
            var verdict = Predict(engine, source.Ip, target.Address, probe);
            var result = await Prober.ProbeAsync(source.Netns, probe.Protocol, target.Address, probe.Port, timeout, token).ConfigureAwait(false);
            var observed = result.Outcome is ProbeOutcome.Connected or ProbeOutcome.Refused;
            cells[i] = new ConnectivityCell(source.Key, target.Name, probe.ToString(), verdict.Allowed, observed, ProbeOutput.Describe(result),
                [.. verdict.Egress.ExplainLines().Select(l => "egress: " + l), .. verdict.Ingress.ExplainLines().Select(l => "ingress: " + l)]);
            progress?.Report((Interlocked.Increment(ref done), work.Count));
        }).ConfigureAwait(false);
        return new ConnectivityReport([.. pods.Select(p => p.Key)], [.. targets.Select(t => t.Name)], [.. probes.Select(p => p.ToString())], cells);
    }

    private static Verdict Predict(PolicyEngine engine, global::System.Net.IPAddress from, global::System.Net.IPAddress to, ConnectivityProbe probe)
    {
        var source = Address(from);
        var destination = Address(to);
        var protocol = probe.Protocol switch { LabProtocol.Udp => Protocol.Udp, LabProtocol.Sctp => Protocol.Sctp, _ => Protocol.Tcp };
        return engine.Evaluate(new FlowQuery(engine.Cluster.FindByAddress(source), source, engine.Cluster.FindByAddress(destination), destination, protocol, probe.Port));
    }

    private static IpAddressValue Address(global::System.Net.IPAddress address) =>
        IpAddressValue.TryParse(address.ToString(), out var value) ? value : throw new LabException($"{address} is not an address the engine reads");
}
