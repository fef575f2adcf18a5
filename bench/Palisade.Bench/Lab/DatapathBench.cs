using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Palisade.Lab;
using Palisade.Lab.Netns;
using Palisade.Lab.State;
using Palisade.Lab.Topology;
using Palisade.Policy.Loading;

namespace Palisade.Bench.Lab;

/// <summary>
/// <c>Palisade.Bench datapath [--entries 1000,10000,50000] [--seconds 3] [--rounds 2]</c>: new TCP connections per
/// second pod to pod (same node and across nodes) in a lab whose server pod's ingress allow set holds N entries,
/// against the same lab with no policy, measured in the same run and interleaved (no policy, N, no policy, ...).
/// Also the time from `apply` of the policy to the controller's answer (engine, compile, one libnftables transaction
/// per node). Needs root.
/// </summary>
internal static class DatapathBench
{
    private const int ServerPort = 8080;

    public static async Task<int> RunAsync(string[] args)
    {
        var entries = Option(args, "--entries", "1000,10000,50000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var seconds = double.Parse(Option(args, "--seconds", "3"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds", "2"), CultureInfo.InvariantCulture);
        Environment.SetEnvironmentVariable("PALISADE_LAB_ROOT", Path.Combine(Path.GetTempPath(), "palisade-lab-bench"));
        const string lab = "dpbench";
        await LabManager.DownAsync(lab, _ => { });
        await LabManager.UpAsync(lab, new LabConfig(), Split(Pods), _ => { });
        try
        {
            var snapshot = LabSnapshot.Read(LabPaths.For(lab));
            var server = snapshot.Records.First(r => r.Name == "server").Ip;
            var local = snapshot.Records.First(r => r.Name == "client-local").Netns;
            var remote = snapshot.Records.First(r => r.Name == "client-remote").Netns;
            var report = new StringBuilder("| allow-set entries | apply to enforced (ms) | same node conn/s | no policy | ratio | across nodes conn/s | no policy | ratio |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            foreach (var n in entries)
            {
                var results = new List<(double Same, double Across, double SameBase, double AcrossBase)>();
                double applyMs = 0;
                for (var round = 0; round < rounds; round++)
                {
                    await LabManager.DeleteAsync(lab, Split(Policy(n)), _ => { });
                    var sameBase = await RateAsync(local, server, seconds);
                    var acrossBase = await RateAsync(remote, server, seconds);
                    var clock = Stopwatch.StartNew();
                    await LabManager.ApplyAsync(lab, Split(Policy(n)), _ => { });
                    applyMs = clock.Elapsed.TotalMilliseconds;
                    results.Add((await RateAsync(local, server, seconds), await RateAsync(remote, server, seconds), sameBase, acrossBase));
                }
                var m = (Same: Median(results.Select(r => r.Same)), Across: Median(results.Select(r => r.Across)), SameBase: Median(results.Select(r => r.SameBase)), AcrossBase: Median(results.Select(r => r.AcrossBase)));
                report.AppendLine(CultureInfo.InvariantCulture, $"| {n:N0} | {applyMs:F0} | {m.Same:F0} | {m.SameBase:F0} | {m.Same / m.SameBase:F2} | {m.Across:F0} | {m.AcrossBase:F0} | {m.Across / m.AcrossBase:F2} |");
                Console.Error.WriteLine($"{n} entries: same node {m.Same:F0}/{m.SameBase:F0}, across {m.Across:F0}/{m.AcrossBase:F0}, apply {applyMs:F0} ms");
            }
            Console.WriteLine(report);
        }
        finally
        {
            await LabManager.DownAsync(lab, _ => { });
        }
        return 0;
    }

    private const string Pods = """
        apiVersion: v1
        kind: Pod
        metadata: {name: server, labels: {app: server}}
        spec: {nodeName: node-1, containers: [{name: c, image: busybox, ports: [{containerPort: 8080}]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client-local, labels: {app: client}}
        spec: {nodeName: node-1, containers: [{name: c, image: busybox}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client-remote, labels: {app: client}}
        spec: {nodeName: node-2, containers: [{name: c, image: busybox}]}
        """;

    /// <summary>
    /// A policy whose server ingress allow set has <paramref name="entries"/> elements: the clients' identity on the
    /// server port and on entries-1 other, non-adjacent ports (so that none merge into a range).
    /// </summary>
    private static string Policy(int entries)
    {
        var ports = new List<int> { ServerPort };
        for (var p = 10_001; ports.Count < Math.Min(entries, 27_000); p += 2) ports.Add(p);
        var text = new StringBuilder("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: bench}\nspec:\n  podSelector: {matchLabels: {app: server}}\n  ingress:\n");
        text.Append("  - from: [{podSelector: {matchLabels: {app: client}}}]\n    ports: [").AppendJoin(", ", ports.Select(p => $"{{port: {p}}}")).Append("]\n");
        // Above 27,000 ports one peer runs out of non-adjacent ports: the rest come from a second peer (namespace default).
        if (entries > ports.Count)
        {
            var more = Enumerable.Range(0, entries - ports.Count).Select(i => 10_001 + (2 * i));
            text.Append("  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]\n    ports: [").AppendJoin(", ", more.Select(p => $"{{port: {p}}}")).Append("]\n");
        }
        return text.ToString();
    }

    private static IReadOnlyList<ManifestObject> Split(string yaml) => ManifestObjects.Split([new ManifestInput("bench", yaml)]);

    /// <summary>
    /// Sequential connect-and-reset from a pod for <paramref name="seconds"/>: connections per second. The socket is
    /// made in the pod's namespace on a short-lived thread each time, so the figure is bound by this client (about
    /// 0.3 ms per connection), not by the kernel's ~80 µs; the ratio shows whether policy adds anything visible.
    /// </summary>
    private static async Task<double> RateAsync(string netns, IPAddress server, double seconds)
    {
        var endpoint = new IPEndPoint(server, ServerPort);
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            using var socket = NetworkNamespace.CreateSocket(netns, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.LingerState = new LingerOption(true, 0);
            await socket.ConnectAsync(endpoint);
            count++;
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
