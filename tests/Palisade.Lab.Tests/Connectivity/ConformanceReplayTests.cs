using System.Text;
using Palisade.Lab.Connectivity;
using Palisade.Lab.Model;
using Palisade.Lab.State;
using Palisade.Lab.Tests.Support;

namespace Palisade.Lab.Tests.Connectivity;

/// <summary>
/// The upstream network-policy e2e model — namespaces x, y, z (labelled ns=NAME), pods a, b, c in each (pod=NAME),
/// serving 80 and 81 on TCP and UDP — in a lab, stepping through policy additions, pod and namespace relabelling and
/// deletions live, as the upstream "updated policy / pod / namespace" cases do. At every step the kernel does what the
/// engine predicts on all 9 × 8 pairs and 4 ports (the engine's own tables are checked against upstream in the engine
/// tests), and a few cells are pinned so that agreement can never mean "nothing enforced".
/// </summary>
[Trait("Requires", "root")]
public sealed class ConformanceReplayTests
{
    private static readonly ConnectivityProbe[] Probes =
        [new(LabProtocol.Tcp, 80), new(LabProtocol.Tcp, 81), new(LabProtocol.Udp, 80), new(LabProtocol.Udp, 81)];

    [Fact]
    public async Task UpstreamModel_PolicyAndLabelUpdates_KernelAgreesAtEveryStep()
    {
        await using var lab = await LabFixture.UpAsync(Model());
        await Step(lab, "no policy", ("x/a", "y/b", "80/TCP", true));

        await Apply(lab, Policy("x", "a-from-y", "podSelector: {matchLabels: {pod: a}}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {ns: \"y\"}}}]"));
        await Step(lab, "x/a only from namespace y", ("y/b", "x/a", "80/TCP", true), ("x/b", "x/a", "81/UDP", false), ("z/c", "x/b", "80/TCP", true));

        await Apply(lab, Namespace("z", ("ns", "y")));   // z now looks like y to namespace selectors
        await Step(lab, "namespace z relabelled ns=y", ("z/c", "x/a", "80/TCP", true));

        await Apply(lab, Policy("x", "a-from-b-on-tcp-80", "podSelector: {matchLabels: {pod: a}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {pod: b}}}]\n    ports: [{port: 80}]"));
        await Step(lab, "plus x/b on 80/TCP", ("x/b", "x/a", "80/TCP", true), ("x/b", "x/a", "81/TCP", false), ("x/b", "x/a", "80/UDP", false));

        await Apply(lab, Policy("y", "deny-egress", "podSelector: {}\n  policyTypes: [Egress]"));
        await Step(lab, "namespace y sends nothing", ("y/b", "x/a", "80/TCP", false), ("y/a", "y/b", "81/UDP", false), ("x/c", "y/a", "80/TCP", true));

        await Apply(lab, Pod("x", "c", ("pod", "b")));   // x/c now carries pod=b
        await Step(lab, "x/c relabelled pod=b", ("x/c", "x/a", "80/TCP", true));

        Assert.Equal(0, (await lab.CliAsync("delete", "netpol", "a-from-y", "a-from-b-on-tcp-80", "-n", "x")).ExitCode);
        await Step(lab, "x's policies deleted", ("x/b", "x/a", "81/UDP", true), ("y/b", "x/a", "80/TCP", false));
    }

    private static async Task Step(LabFixture lab, string name, params (string From, string To, string Probe, bool Reached)[] pinned)
    {
        var snapshot = LabSnapshot.Read(lab.Paths);
        var (engine, _) = LabEngine.Build(snapshot);
        var report = await ConnectivityTester.RunAsync(snapshot, engine, Probes, null, TimeSpan.FromMilliseconds(1500));
        Assert.Equal(9 * 8 * Probes.Length, report.Cells.Count);
        Assert.True(report.Mismatches.Count == 0, $"step \"{name}\": " + string.Join("\n", report.Mismatches.Select(m => $"{m.From} -> {m.To} {m.Probe}: engine {m.Predicted}, kernel {m.Outcome}; {string.Join("; ", m.Explanation)}")));
        foreach (var (from, to, probe, reached) in pinned)
        {
            var cell = report.Cells.Single(c => c.From == from && c.To == to && c.Probe == probe);
            Assert.True(cell.Observed == reached, $"step \"{name}\": {from} -> {to} {probe} {(reached ? "should" : "should not")} get through ({cell.Outcome})");
        }
    }

    private static async Task Apply(LabFixture lab, string yaml)
    {
        var result = await lab.CliWithInputAsync(yaml, "apply", "-f", "-");
        Assert.True(result.ExitCode == 0, result.StandardError);
    }

    private static string Model()
    {
        var text = new StringBuilder();
        foreach (var ns in new[] { "x", "y", "z" })
        {
            text.Append(Namespace(ns, ("ns", ns))).Append("---\n");
            foreach (var pod in new[] { "a", "b", "c" }) text.Append(Pod(ns, pod, ("pod", pod))).Append("---\n");
        }
        return text.ToString();
    }

    private static string Namespace(string name, params (string Key, string Value)[] labels) =>
        $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: \"{name}\"\n  labels: {Labels(labels)}\n";

    private static string Pod(string ns, string name, params (string Key, string Value)[] labels) => $"""
        apiVersion: v1
        kind: Pod
        metadata: {"{"}name: "{name}", namespace: "{ns}", labels: {Labels(labels)}{"}"}
        spec:
          nodeName: node-{(name[0] - 'a') % 2 + 1}
          containers:
          - name: serve
            image: agnhost
            ports: [{"{"}containerPort: 80, name: serve-80-tcp{"}"}, {"{"}containerPort: 81{"}"}, {"{"}containerPort: 80, protocol: UDP{"}"}, {"{"}containerPort: 81, protocol: UDP{"}"}]

        """;

    private static string Policy(string ns, string name, string spec) =>
        $"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: \"{name}\", namespace: \"{ns}\"}}\nspec:\n  {spec}\n";

    private static string Labels((string Key, string Value)[] labels) => "{" + string.Join(", ", labels.Select(l => $"{l.Key}: \"{l.Value}\"")) + "}";
}
