using System.Diagnostics;
using System.Globalization;
using System.Text;
using Palisade.Lab;
using Palisade.Lab.Controller;
using Palisade.Lab.Model;
using Palisade.Lab.Probing;
using Palisade.Lab.State;
using Palisade.Lab.Topology;
using Palisade.Policy.Loading;

namespace Palisade.Bench.Lab;

/// <summary>
/// <c>Palisade.Bench lab [--pods 10,100,500] [--applies 10]</c>: the lab's figures, each against a baseline measured
/// in the same run. Bring-up of N pods on 2 nodes against the kernel floor (the same namespaces, veths, addresses and
/// routes made by the lab's topology code alone); workload memory per pod against a process per pod; apply of one
/// pod to its first answered probe against an apply that changes nothing. Needs root; every lab is taken down.
/// </summary>
internal static class LabBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = BenchArgs.Option(args, "--pods", "10,100,500").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var applies = int.Parse(BenchArgs.Option(args, "--applies", "10"), CultureInfo.InvariantCulture);
        Environment.SetEnvironmentVariable("PALISADE_LAB_ROOT", Path.Combine(Path.GetTempPath(), "palisade-lab-bench"));
        var report = new StringBuilder();
        report.AppendLine("| pods (2 nodes) | lab up (s) | kernel floor (s) | ratio | lab down (s) | workload RSS, all nodes (MiB) | per pod (KiB) |");
        report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        var rss = new List<(int Pods, double MiB)>();
        double perProcessMiB = 0;
        foreach (var n in sizes)
        {
            var floor = await FloorAsync(n);
            var (up, down, mib, smallest) = await UpDownAsync(n, n == sizes[^1] && applies > 0 ? applies : 0);
            if (rss.Count == 0) perProcessMiB = smallest;
            rss.Add((n, mib));
            report.AppendLine(CultureInfo.InvariantCulture, $"| {n} | {up:F2} | {floor:F2} | {up / floor:F2} | {down:F2} | {mib:F1} | {(rss.Count > 1 ? (mib - rss[0].MiB) * 1024 / (n - rss[0].Pods) : double.NaN):F0} |");
            Console.Error.WriteLine($"{n} pods: up {up:F2}s (floor {floor:F2}s), down {down:F2}s, workload RSS {mib:F1} MiB");
        }
        var perPodKiB = rss.Count > 1 ? (rss[^1].MiB - rss[0].MiB) * 1024 / (rss[^1].Pods - rss[0].Pods) : double.NaN;
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Baseline for memory: a process per pod would cost at least one workload process, {perProcessMiB:F1} MiB (the smallest node process of the {sizes[0]}-pod lab); the shared process adds {perPodKiB:F0} KiB per pod, a ratio of {perPodKiB / (perProcessMiB * 1024):F4}.");
        Console.WriteLine(report.ToString());
        Console.WriteLine(ApplyReport);
        return 0;
    }

    private static string ApplyReport { get; set; } = "";

    private static string Pods(int n, string prefix = "p") => string.Concat(Enumerable.Range(0, n).Select(i =>
        "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: " + prefix + i.ToString(CultureInfo.InvariantCulture) + "\n  labels: {app: bench}\n" +
        "spec:\n  containers:\n  - name: c\n    image: busybox\n    ports: [{containerPort: 8080}]\n"));

    private static async Task<(double Up, double Down, double RssMiB, double SmallestMiB)> UpDownAsync(int n, int applies)
    {
        var name = "bench" + n.ToString(CultureInfo.InvariantCulture);
        await LabManager.DownAsync(name, _ => { });
        var objects = ManifestObjects.Split([new ManifestInput("bench", Pods(n))]);
        var clock = Stopwatch.StartNew();
        await LabManager.UpAsync(name, new LabConfig(), objects, _ => { });
        var up = clock.Elapsed.TotalSeconds;
        var snapshot = LabSnapshot.Read(LabPaths.For(name));
        var perNode = snapshot.Processes.Where(p => p.Key.StartsWith("workload:node", StringComparison.Ordinal)).Select(p => RssKiB(p.Value) / 1024.0).ToList();
        if (applies > 0) ApplyReport = await ApplyToProbeAsync(name, snapshot, applies);
        clock.Restart();
        await LabManager.DownAsync(name, _ => { });
        return (up, clock.Elapsed.TotalSeconds, perNode.Sum(), perNode.Min());
    }

    private static async Task<double> FloorAsync(int n)
    {
        var naming = new LabNaming("floor");
        await LabCleaner.RemoveNamespacesAsync(naming);
        var config = new LabConfig();
        var topology = new LabTopology(config, naming);
        var plan = topology.Plan;
        var clock = Stopwatch.StartNew();
        await topology.CreateNodesAsync();
        var nodes = topology.Nodes().ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var node = nodes[i % nodes.Count];
            var address = AddressPlan.Offset(plan.PodBlock(node.Index).BaseAddress, 1 + (i / nodes.Count));
            await topology.CreatePodAsync(node.Name, $"floor/{i}", naming.Pod("floor", "p" + i.ToString(CultureInfo.InvariantCulture)), address, ct);
        });
        var seconds = clock.Elapsed.TotalSeconds;
        await LabCleaner.RemoveNamespacesAsync(naming);
        return seconds;
    }

    private static async Task<string> ApplyToProbeAsync(string lab, LabSnapshot snapshot, int count)
    {
        var from = snapshot.Records.First(r => r.Name == "p0").Netns;
        var noop = new List<double>();
        var toProbe = new List<double>();
        var unchanged = ManifestObjects.Split([new ManifestInput("bench", Pods(1))]);
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await LabManager.ApplyAsync(lab, unchanged, _ => { });
            noop.Add(clock.Elapsed.TotalMilliseconds);

            var objects = ManifestObjects.Split([new ManifestInput("bench", Pods(1, "new" + i.ToString(CultureInfo.InvariantCulture) + "-"))]);
            clock.Restart();
            await LabManager.ApplyAsync(lab, objects, _ => { });
            var ip = LabSnapshot.Read(LabPaths.For(lab)).Records.First(r => r.Name == $"new{i}-0").Ip;
            while ((await Prober.ProbeAsync(from, LabProtocol.Tcp, ip, 8080, TimeSpan.FromSeconds(1))).Outcome != ProbeOutcome.Connected)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new InvalidOperationException("the new pod never answered");
            }
            toProbe.Add(clock.Elapsed.TotalMilliseconds);
        }
        double P(List<double> xs, double q) => xs.Order().ElementAt((int)Math.Min(xs.Count - 1, Math.Round(q * (xs.Count - 1))));
        return $"""
            | apply of one pod, {snapshot.Records.Count} pods up | p50 (ms) | p90 (ms) | max (ms) |
            |---|---:|---:|---:|
            | to its first answered TCP probe | {P(toProbe, 0.5):F0} | {P(toProbe, 0.9):F0} | {toProbe.Max():F0} |
            | baseline: apply that changes nothing | {P(noop, 0.5):F0} | {P(noop, 0.9):F0} | {noop.Max():F0} |
            | ratio (p50) | {P(toProbe, 0.5) / P(noop, 0.5):F2} | | |
            """;
    }

    private static long RssKiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
