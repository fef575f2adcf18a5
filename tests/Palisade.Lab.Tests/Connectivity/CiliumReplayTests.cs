using Palisade.Lab.Connectivity;
using Palisade.Lab.Model;
using Palisade.Lab.State;
using Palisade.Lab.Tests.Support;
using static Palisade.Lab.Tests.Connectivity.CiliumReplayModel;

namespace Palisade.Lab.Tests.Connectivity;

/// <summary>
/// The engine's Cilium L3/L4 truth tables replayed in one lab (<see cref="CiliumReplayModel"/>): CiliumNetworkPolicies
/// and a CiliumClusterwideNetworkPolicy are added step by step — selectors by labels and expressions, peers in and
/// across namespaces, entities, CIDRs with exceptions, deny rules, port ranges, named ports, ANY and UDP — then a
/// policy is deleted and a pod relabelled live. At every step the kernel does what the engine predicts on every pod
/// pair and pod → world host, and from every node and world host to every pod, on TCP and UDP; a few cells per step
/// are pinned to Cilium's answer so that agreement can never mean "nothing enforced".
/// </summary>
[Trait("Requires", "root")]
public sealed class CiliumReplayTests
{
    private static readonly ConnectivityProbe[] Probes =
        [new(LabProtocol.Tcp, 80), new(LabProtocol.Tcp, 81), new(LabProtocol.Tcp, 8080), new(LabProtocol.Udp, 80), new(LabProtocol.Udp, 8080)];

    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(1500);

    [Fact]
    public async Task CiliumPolicies_AddedDeletedAndRelabelledLive_KernelAgreesWithTheEngineInEveryCell()
    {
        await using var lab = await LabFixture.UpAsync(Cluster(), Config());
        Assert.Equal(["203.0.113.10", "203.0.113.11"], LabSnapshot.Read(lab.Paths).WorldHosts.OrderBy(h => h.Names[0], StringComparer.Ordinal).Select(h => h.Address.ToString()));
        await Step(lab, "no policy", ("a/client", "a/web", "80/TCP", true), ("b/tool", Alpha, "8080/UDP", true), ("node-1", "b/web", "81/TCP", true));

        await Apply(lab, Cnp("a", "web-from-client", """
            endpointSelector: {matchLabels: {app: web}}
            ingress:
            - fromEndpoints: [{matchLabels: {app: client}}]
              toPorts: [{ports: [{port: "80", endPort: 81, protocol: TCP}]}]
            """));
        await Step(lab, "a/web from a's clients on 80-81/TCP", ("a/client", "a/web", "80/TCP", true), ("a/client", "a/web", "81/TCP", true),
            ("a/client", "a/web", "8080/TCP", false), ("a/client", "a/web", "80/UDP", false), ("b/client", "a/web", "80/TCP", false),
            ("b/tool", "b/web", "8080/TCP", true), (Alpha, "a/web", "80/TCP", false));

        await Apply(lab, Cnp("a", "front-from-b-clients", """
            endpointSelector: {matchExpressions: [{key: tier, operator: In, values: [front]}]}
            ingress:
            - fromEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": b, app: client}}]
              toPorts: [{ports: [{port: http, protocol: TCP}]}]
            """));
        await Step(lab, "plus a's tier=front from b's clients on named port http", ("b/client", "a/web", "8080/TCP", true), ("b/client", "a/web", "8080/UDP", false),
            ("b/client", "a/web", "80/TCP", false), ("b/tool", "a/web", "8080/TCP", false), ("a/client", "a/web", "81/TCP", true));

        // http is 80/TCP on b/web and 8080/TCP on a/web: an egress named port resolves per destination, as Cilium's
        // per-identity named-port map does (releases with one cluster-wide map drop a name that is ambiguous).
        await Apply(lab, Cnp("b", "client-egress", """
            endpointSelector: {matchLabels: {app: client}}
            egress:
            - toEndpoints: [{matchLabels: {app: web}}]
              toPorts: [{ports: [{port: http, protocol: TCP}]}]
            - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": a, app: web}}]
              toPorts: [{ports: [{port: http, protocol: TCP}]}]
            """));
        await Step(lab, "b/client sends to the webs' http only", ("b/client", "b/web", "80/TCP", true), ("b/client", "b/web", "8080/TCP", false),
            ("b/client", "a/web", "8080/TCP", true), ("b/client", "a/web", "80/TCP", false), ("b/client", "b/tool", "80/TCP", false),
            ("b/client", Alpha, "80/TCP", false), ("b/tool", "b/client", "80/TCP", true));

        await Apply(lab, Cnp("a", "db-egress", """
            endpointSelector: {matchLabels: {app: db}}
            egress:
            - toEntities: [world]
              toPorts: [{ports: [{port: "80", protocol: TCP}]}]
            - toCIDRSet: [{cidr: 203.0.113.0/24, except: [203.0.113.11/32]}]
              toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
            """) + "---\n" + Cnp("a", "client-egress", """
            endpointSelector: {matchLabels: {app: client}}
            egress:
            - toEntities: [cluster]
            - toCIDR: [203.0.113.11/32]
              toPorts: [{ports: [{port: "8080", protocol: UDP}]}]
            """));
        await Step(lab, "a/db to the world, a/client to the cluster", ("a/db", Alpha, "80/TCP", true), ("a/db", Beta, "80/TCP", true),
            ("a/db", Alpha, "8080/TCP", true), ("a/db", Beta, "8080/TCP", false), ("a/db", Alpha, "81/TCP", false), ("a/db", "b/web", "80/TCP", false),
            ("a/client", "b/web", "81/TCP", true), ("a/client", "a/db", "8080/UDP", true), ("a/client", Beta, "8080/UDP", true),
            ("a/client", Beta, "8080/TCP", false), ("a/client", Alpha, "8080/UDP", false));

        await Apply(lab, Cnp("b", "tool-egress", """
            endpointSelector: {matchLabels: {app: tool}}
            egress:
            - toEntities: [all]
            egressDeny:
            - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": a}}]
              toPorts: [{ports: [{port: "80", protocol: ANY}]}]
            """) + "---\n" + Cnp("a", "web-deny-clients-81", """
            endpointSelector: {matchLabels: {app: web}}
            ingressDeny:
            - fromEndpoints: [{matchLabels: {app: client}}]
              toPorts: [{ports: [{port: "81", protocol: TCP}]}]
            """));
        await Step(lab, "deny rules win over allows", ("b/tool", "a/db", "80/TCP", false), ("b/tool", "a/db", "80/UDP", false),
            ("b/tool", "a/db", "81/TCP", true), ("b/tool", "a/db", "8080/UDP", true), ("b/tool", "b/web", "80/TCP", true), ("b/tool", Alpha, "80/TCP", true),
            ("a/client", "a/web", "81/TCP", false), ("a/client", "a/web", "80/TCP", true));

        await Apply(lab, Ccnp("b-web-ports", """
            endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": b, app: web}}
            ingress:
            - fromEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": a}}]
              toPorts: [{ports: [{port: "80", protocol: ANY}]}]
            - fromEntities: [cluster]
              toPorts: [{ports: [{port: "8080", protocol: UDP}]}]
            """));
        await Step(lab, "clusterwide: b/web from a on 80/ANY, from the cluster on 8080/UDP", ("a/client", "b/web", "80/TCP", true),
            ("a/client", "b/web", "80/UDP", true), ("a/client", "b/web", "81/TCP", false), ("a/db", "b/web", "80/UDP", false),
            ("b/tool", "b/web", "8080/UDP", true), ("b/tool", "b/web", "8080/TCP", false), ("b/tool", "b/web", "80/TCP", false),
            ("b/client", "b/web", "80/TCP", false), ("node-1", "b/web", "8080/UDP", true), (Alpha, "b/web", "8080/UDP", false));

        await Apply(lab, Cnp("a", "client-from-entities", """
            endpointSelector: {matchLabels: {app: client}}
            ingress:
            - fromEntities: [host]
              toPorts: [{ports: [{port: "80", protocol: TCP}]}]
            - fromEntities: [remote-node]
              toPorts: [{ports: [{port: "81", protocol: TCP}]}]
            - fromEntities: [world]
              toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
            """));
        // a/client runs on node-2, which always reaches it (Kubernetes; Cilium allow-localhost), whatever the rules.
        await Step(lab, "a/client from host, remote-node and world", ("node-2", "a/client", "80/TCP", true), ("node-2", "a/client", "81/TCP", true),
            ("node-1", "a/client", "81/TCP", true), ("node-1", "a/client", "80/TCP", false), (Alpha, "a/client", "8080/TCP", true),
            (Beta, "a/client", "80/TCP", false), ("b/tool", "a/client", "81/TCP", false));

        await Delete(lab, "cnp", "web-from-client", "-n", "a");
        await Step(lab, "web-from-client deleted", ("a/client", "a/web", "80/TCP", false), ("b/client", "a/web", "8080/TCP", true));

        var before = LabSnapshot.Read(lab.Paths).Pod("a", "db");
        await Apply(lab, Pod("a/db", "{app: client}"));
        var after = LabSnapshot.Read(lab.Paths).Pod("a", "db");
        Assert.Equal((before.Ip, before.Created, before.Restarts), (after.Ip, after.Created, after.Restarts)); // relabelled in place, not re-created
        await Step(lab, "a/db relabelled app=client", ("a/db", Alpha, "80/TCP", false), ("a/db", Beta, "8080/UDP", true), ("a/db", "b/web", "80/UDP", true),
            ("b/tool", "a/db", "81/TCP", false), ("node-2", "a/db", "80/TCP", true));
    }

    /// <summary>
    /// Runs the connectivity tester and the outside probes on the lab as it is now, asserts that the kernel agrees
    /// with the engine in every cell, and that each pinned cell (from, to, probe) got through or not as Cilium says.
    /// </summary>
    private static async Task Step(LabFixture lab, string name, params (string From, string To, string Probe, bool Reached)[] pinned)
    {
        var snapshot = LabSnapshot.Read(lab.Paths);
        var (engine, _) = LabEngine.Build(snapshot);
        var pods = ConnectivityTester.RunAsync(snapshot, engine, Probes, null, Timeout);
        var outside = CiliumOutsideProbes.RunAsync(snapshot, engine, Probes, Timeout);
        var report = await pods;
        Assert.Equal(PodCount * (PodCount - 1 + WorldHostCount) * Probes.Length, report.Cells.Count);
        var cells = report.Cells.Concat(await outside).ToList();
        Assert.Equal(report.Cells.Count + (NodeCount + WorldHostCount) * PodCount * Probes.Length, cells.Count);
        var mismatches = cells.Where(c => !c.Agrees).Select(m => $"{m.From} -> {m.To} {m.Probe}: engine {(m.Predicted ? "allows" : "denies")}, kernel {m.Outcome}; {string.Join("; ", m.Explanation)}").ToList();
        Assert.True(mismatches.Count == 0, $"step \"{name}\":\n" + string.Join("\n", mismatches));
        foreach (var (from, to, probe, reached) in pinned)
        {
            var cell = cells.Single(c => c.From == from && c.To == to && c.Probe == probe);
            Assert.True(cell.Observed == reached, $"step \"{name}\": {from} -> {to} {probe} {(reached ? "should" : "should not")} get through ({cell.Outcome})");
        }
    }

    private static async Task Apply(LabFixture lab, string yaml)
    {
        var result = await lab.CliWithInputAsync(yaml, "apply", "-f", "-");
        Assert.True(result.ExitCode == 0, result.StandardError);
    }

    private static async Task Delete(LabFixture lab, params string[] what)
    {
        var result = await lab.CliAsync(["delete", .. what]);
        Assert.True(result.ExitCode == 0, result.StandardError);
    }
}
