using CsCheck;
using Palisade.Lab.Connectivity;
using Palisade.Lab.Model;
using Palisade.Lab.State;
using Palisade.Lab.Tests.Support;
using Palisade.Lab.Topology;
using Palisade.Testing.Generators;

namespace Palisade.Lab.Tests.Connectivity;

/// <summary>
/// Random clusters with random Kubernetes NetworkPolicies and CiliumNetworkPolicies (the generators the engine's
/// oracle tests use) brought up in a lab: on every probed pair and port, the kernel does what the engine predicts.
/// The pod range is 10.0.0.0/16 so that the generated ipBlocks and CIDRs (10.0.x.x) cover real pods.
/// </summary>
[Trait("Requires", "root")]
public sealed class KernelAgreementPropertyTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("PALISADE_LAB_CASES"), out var n) ? n : 8;

    private static readonly ConnectivityProbe[] Probes =
        [new(LabProtocol.Tcp, 80), new(LabProtocol.Tcp, 8080), new(LabProtocol.Udp, 53), new(LabProtocol.Udp, 81)];

    [Fact]
    public void RandomClustersAndPolicies_KernelAgreesWithTheEngineOnEveryProbe()
    {
        var clusters = CiliumPolicyGen.Create(new ClusterGenOptions(MaxPods: 6, MaxPolicies: 3, HostNetworkPods: false), maxCiliumPolicies: 2);
        clusters.Sample(c => Check(c).GetAwaiter().GetResult(), iter: Cases, threads: 1);
    }

    private static async Task Check(MixedCluster cluster)
    {
        var yaml = cluster.ToYaml();
        await using var lab = await LabFixture.UpAsync(yaml, new LabConfig { PodCidr = global::System.Net.IPNetwork.Parse("10.0.0.0/16") });
        var snapshot = LabSnapshot.Read(lab.Paths);
        var (engine, _) = LabEngine.Build(snapshot);
        var report = await ConnectivityTester.RunAsync(snapshot, engine, Probes, null, TimeSpan.FromMilliseconds(1500));
        Assert.True(report.Cells.Count > 0 || snapshot.Records.Count(r => r.Namespace != "kube-system") < 2, "no probe ran");
        Assert.True(report.Mismatches.Count == 0, Describe(report, yaml));
    }

    private static string Describe(ConnectivityReport report, string yaml) =>
        string.Join("\n", report.Mismatches.Select(m => $"{m.From} -> {m.To} {m.Probe}: engine {(m.Predicted ? "allows" : "denies")}, kernel {m.Outcome}; {string.Join("; ", m.Explanation)}"))
        + "\n--- cluster ---\n" + yaml;
}
