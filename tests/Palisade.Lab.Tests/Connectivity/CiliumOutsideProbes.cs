using System.Net;
using Palisade.Engine;
using Palisade.Engine.Ports;
using Palisade.Engine.Verdicts;
using Palisade.Lab.Connectivity;
using Palisade.Lab.Model;
using Palisade.Lab.Probing;
using Palisade.Lab.State;
using Palisade.Policy.Net;

namespace Palisade.Lab.Tests.Connectivity;

/// <summary>
/// The cells the connectivity tester leaves out, as it probes from pods only: from each node's own namespace (the
/// source address is the node's, so Cilium's host entity on its own node and remote-node on the other) and from each
/// world host (the world entity, CIDR peers) to every pod, each beside the engine's verdict for that source address.
/// </summary>
internal static class CiliumOutsideProbes
{
    /// <summary>Probes every node and world host to every running pod on every probe, all at once.</summary>
    public static async Task<IReadOnlyList<ConnectivityCell>> RunAsync(LabSnapshot snapshot, PolicyEngine engine, IReadOnlyList<ConnectivityProbe> probes, TimeSpan timeout)
    {
        var sources = snapshot.Nodes.Select(n => (n.Name, n.Address, n.Netns))
            .Concat(snapshot.WorldHosts.Select(h => (Name: h.Names[0], h.Address, h.Netns)));
        var pods = snapshot.Records.Where(r => r.Phase == "Running" && r.Namespace != "kube-system");
        var work = from s in sources from p in pods from probe in probes select Cell(engine, s, p.Key, p.Ip, probe, timeout);
        return await Task.WhenAll(work);
    }

    private static async Task<ConnectivityCell> Cell(PolicyEngine engine, (string Name, IPAddress Address, string Netns) source, string pod, IPAddress to,
        ConnectivityProbe probe, TimeSpan timeout)
    {
        var verdict = Predict(engine, source.Address, to, probe);
        var result = await Prober.ProbeAsync(source.Netns, probe.Protocol, to, probe.Port, timeout);
        var observed = result.Outcome is ProbeOutcome.Connected or ProbeOutcome.Refused;
        return new ConnectivityCell(source.Name, pod, probe.ToString(), verdict.Allowed, observed, ProbeOutput.Describe(result),
            [.. verdict.Egress.ExplainLines().Select(l => "egress: " + l), .. verdict.Ingress.ExplainLines().Select(l => "ingress: " + l)]);
    }

    private static Verdict Predict(PolicyEngine engine, IPAddress from, IPAddress to, ConnectivityProbe probe)
    {
        var source = Address(from);
        var destination = Address(to);
        var protocol = probe.Protocol == LabProtocol.Udp ? Protocol.Udp : Protocol.Tcp;
        return engine.Evaluate(new FlowQuery(engine.Cluster.FindByAddress(source), source, engine.Cluster.FindByAddress(destination), destination, protocol, probe.Port));
    }

    private static IpAddressValue Address(IPAddress address)
    {
        Assert.True(IpAddressValue.TryParse(address.ToString(), out var value), $"the engine does not read {address}");
        return value;
    }
}
