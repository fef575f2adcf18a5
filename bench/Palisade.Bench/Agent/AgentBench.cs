using System.Diagnostics;
using System.Globalization;
using System.Text;
using Palisade.Agent;
using Palisade.Datapath.Kernel;
using Palisade.Engine;
using Palisade.Policy.Loading;

namespace Palisade.Bench.Agent;

/// <summary>
/// <c>Palisade.Bench agent [--pods-per-node 10000] [--changes 40] [--loads 3]</c> (root): the node agent on the real
/// kernel, in a network namespace of its own, with a generated cluster of two nodes.
/// <list type="bullet">
/// <item>Full ruleset load for one node (compile, diff, one libnftables transaction) against the floor of loading the
/// very same transaction text with <c>nft -f</c> (a process) and with libnftables alone.</item>
/// <item>A pod added (and removed again) and a policy's port changed (and back), to enforced: engine build, compile
/// and diff, kernel apply, p50/p99 over the changes, against a no-op sync measured in the same run.</item>
/// </list>
/// </summary>
internal static class AgentBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var perNode = Int(args, "--pods-per-node", 10000);
        var changes = Int(args, "--changes", 40);
        var loads = Int(args, "--loads", 3);
        var netns = "plbench-agent-" + Environment.ProcessId;
        Run("ip", "netns", "add", netns);
        try
        {
            using var kernel = new LibNftables(netns);
            Console.Error.WriteLine($"generating and loading a cluster of {2 * perNode:N0} pods on 2 nodes ...");
            var clock = Stopwatch.StartNew();
            var baseSet = Load(BenchCluster.Yaml(perNode, extraPod: false, policyPort: 80));
            var withPod = Load(BenchCluster.Yaml(perNode, extraPod: true, policyPort: 80));
            var otherPort = Load(BenchCluster.Yaml(perNode, extraPod: false, policyPort: 8080));
            var engine = EngineLoader.FromManifests(baseSet);
            Console.Error.WriteLine($"  loaded in {clock.Elapsed.TotalSeconds:F1} s; {engine.Cluster.Endpoints.Count:N0} pods, {engine.Policies.Count} policies, {engine.Classes.Count} classes");

            var report = new StringBuilder();
            await FullLoadsAsync(kernel, netns, engine, loads, report);
            await ChangesAsync(kernel, engine, baseSet, withPod, otherPort, changes, report);
            Console.WriteLine(report);
        }
        finally
        {
            Run("ip", "netns", "delete", netns);
        }
        return 0;
    }

    private static async Task FullLoadsAsync(LibNftables kernel, string netns, PolicyEngine engine, int loads, StringBuilder report)
    {
        var rows = new List<(double Compile, double Diff, double Apply, double NftF, double Lib, int Elements, int Bytes)>();
        for (var i = 0; i < loads; i++)
        {
            var agent = BenchCluster.Agent(kernel);
            var plan = agent.Plan(engine);
            var render = Stopwatch.StartNew();
            var text = plan.Transaction.Render();
            Console.Error.WriteLine($"  render {render.Elapsed.TotalMilliseconds:F0} ms");
            var applied = await agent.ApplyAsync(plan);
            // The floors: the same text, loaded by nft -f (a process) and by libnftables alone, over the same table.
            var file = Path.GetTempFileName();
            await File.WriteAllTextAsync(file, text);
            var nft = Stopwatch.StartNew();
            Run("ip", "netns", "exec", netns, "nft", "-f", file);
            var nftMs = nft.Elapsed.TotalMilliseconds;
            File.Delete(file);
            var lib = Stopwatch.StartNew();
            await kernel.RunAsync(text);
            rows.Add((plan.Compile.TotalMilliseconds, plan.Diff.TotalMilliseconds, applied.Apply.TotalMilliseconds, nftMs, lib.Elapsed.TotalMilliseconds, plan.Program.ElementCount, text.Length));
            Console.Error.WriteLine($"  full load {i + 1}/{loads}: compile {rows[^1].Compile:F0} ms, diff {rows[^1].Diff:F0} ms, apply {rows[^1].Apply:F0} ms; nft -f {nftMs:F0} ms, libnftables {rows[^1].Lib:F0} ms");
        }
        var m = (Compile: Median(rows.Select(r => r.Compile)), Diff: Median(rows.Select(r => r.Diff)), Apply: Median(rows.Select(r => r.Apply)), NftF: Median(rows.Select(r => r.NftF)), Lib: Median(rows.Select(r => r.Lib)));
        var total = m.Compile + m.Diff + m.Apply;
        report.AppendLine(CultureInfo.InvariantCulture, $"Full load of one node ({rows[0].Elements:N0} elements, {rows[0].Bytes / 1024.0 / 1024.0:F1} MiB of nft text), median of {loads}:\n");
        report.AppendLine("| step | ms | ratio to `nft -f` of the same text |\n|---|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| agent: compile (engine → program) | {m.Compile:F0} | |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| agent: transaction (program → typed commands) | {m.Diff:F0} | |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| agent: apply (render + one libnftables call) | {m.Apply:F0} | {m.Apply / m.NftF:F2} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| **agent total** | **{total:F0}** | **{total / m.NftF:F2}** |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| floor: `nft -f` (process) | {m.NftF:F0} | 1.00 |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| floor: libnftables, text only | {m.Lib:F0} | {m.Lib / m.NftF:F2} |\n");
    }

    private static async Task ChangesAsync(LibNftables kernel, PolicyEngine engine, ManifestSet baseSet, ManifestSet withPod, ManifestSet otherPort, int changes, StringBuilder report)
    {
        var agent = BenchCluster.Agent(kernel);
        await agent.SyncAsync(engine);
        var results = new Dictionary<string, List<(double Build, double Plan, double Apply, int Commands)>>
        {
            ["no change (baseline)"] = [], ["pod added or removed"] = [], ["pod added or removed, no engine rebuild"] = [], ["policy port changed"] = [], ["policy port changed, no engine rebuild"] = [],
        };
        var basePolicies = EngineLoader.Lower(baseSet, new EngineInputs()).Policies;
        var otherPolicies = EngineLoader.Lower(otherPort, new EngineInputs()).Policies;
        var changedRef = new HashSet<Palisade.Engine.Ir.PolicyRef> { new("NetworkPolicy", "ns-0", "app-0") };
        var extra = withPod.Pods.Single(p => !baseSet.Pods.Any(b => b.Name == p.Name && b.Namespace == p.Namespace));
        var candidate = Palisade.Engine.Cluster.ClusterStateBuilder.EndpointOf(extra) ?? throw new InvalidOperationException("the extra pod has no address");
        for (var i = 0; i < changes; i++)
        {
            // Every round starts and ends in the base state: a no-op, a pod added then removed, a port changed then back.
            results["no change (baseline)"].Add(await ChangeAsync(agent, baseSet));
            results["pod added or removed"].Add(await ChangeAsync(agent, withPod));
            results["pod added or removed"].Add(await ChangeAsync(agent, baseSet));
            results["pod added or removed, no engine rebuild"].Add(await PodChangeAsync(agent, engine, [candidate], []));
            results["pod added or removed, no engine rebuild"].Add(await PodChangeAsync(agent, engine, [], [candidate]));
            results["policy port changed"].Add(await ChangeAsync(agent, otherPort));
            results["policy port changed"].Add(await ChangeAsync(agent, baseSet));
            await agent.SyncAsync(engine);   // not measured (nothing to send): the patches below are over this engine's compile
            var changedEngine = await PolicyChangeAsync(agent, engine, otherPolicies, changedRef, results["policy port changed, no engine rebuild"]);
            await PolicyChangeAsync(agent, changedEngine, basePolicies, changedRef, results["policy port changed, no engine rebuild"]);
            if (i % 10 == 9) Console.Error.WriteLine($"  changes {i + 1}/{changes}");
        }
        // The same patches back to back, as an agent handling a stream of pod and policy changes sees them: no whole
        // rebuild in between whose garbage a collection would reclaim in the middle of a patch.
        await agent.SyncAsync(engine);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var podsOnly = results["pods, back to back (no rebuild between)"] = [];
        var policiesOnly = results["policies, back to back (no rebuild between)"] = [];
        for (var i = 0; i < changes; i++)
        {
            podsOnly.Add(await PodChangeAsync(agent, engine, [candidate], []));
            podsOnly.Add(await PodChangeAsync(agent, engine, [], [candidate]));
        }
        for (var i = 0; i < changes; i++)
        {
            var changedEngine = await PolicyChangeAsync(agent, engine, otherPolicies, changedRef, policiesOnly);
            await PolicyChangeAsync(agent, changedEngine, basePolicies, changedRef, policiesOnly);
        }
        if (results["no change (baseline)"].Any(r => r.Commands > 0) || results.Values.Skip(1).Any(rows => rows.Any(r => r.Commands == 0)))
        {
            throw new InvalidOperationException("a no-op sent commands, or a change sent none: the benchmark measures the wrong thing");
        }
        var baseline = results["no change (baseline)"];
        var baseP50 = Percentile(baseline.Select(r => r.Build + r.Plan + r.Apply), 50);
        report.AppendLine(CultureInfo.InvariantCulture, $"Change to enforced with {engine.Cluster.Endpoints.Count:N0} pods ({engine.Cluster.Endpoints.Count / 2:N0} on the node), {changes} rounds:\n");
        report.AppendLine("| change | engine build p50 | compile+diff p50 | apply p50 / p99 | agent (compile+diff+apply) p50 / p99 | total p50 / p99 | total ratio to no-op p50 | nft commands |\n|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, rows) in results)
        {
            var real = rows;
            var agentTimes = real.Select(r => r.Plan + r.Apply).ToList();
            var totals = real.Select(r => r.Build + r.Plan + r.Apply).ToList();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {Percentile(real.Select(r => r.Build), 50):F1} | {Percentile(real.Select(r => r.Plan), 50):F1} | {Percentile(real.Select(r => r.Apply), 50):F2} / {Percentile(real.Select(r => r.Apply), 99):F2} | {Percentile(agentTimes, 50):F1} / {Percentile(agentTimes, 99):F1} | {Percentile(totals, 50):F0} / {Percentile(totals, 99):F0} | {Percentile(totals, 50) / baseP50:F2} | {Percentile(real.Select(r => (double)r.Commands), 50):F0} |");
        }
    }

    private static async Task<(double Build, double Plan, double Apply, int Commands)> ChangeAsync(NodeAgent agent, ManifestSet set)
    {
        var clock = Stopwatch.StartNew();
        var engine = EngineLoader.FromManifests(set);
        var build = clock.Elapsed.TotalMilliseconds;
        var plan = agent.Plan(engine);
        var planned = clock.Elapsed.TotalMilliseconds;
        await agent.ApplyAsync(plan);
        return (build, planned - build, clock.Elapsed.TotalMilliseconds - planned, plan.Transaction.Commands.Count);
    }

    /// <summary>A policy patch (<see cref="NodeAgent.PlanPolicies"/>): lowered policies, maps over the same cluster, the selected identities recomputed.</summary>
    private static async Task<PolicyEngine> PolicyChangeAsync(NodeAgent agent, PolicyEngine before, IReadOnlyList<Palisade.Engine.Ir.IrPolicy> policies,
        IReadOnlySet<Palisade.Engine.Ir.PolicyRef> changed, List<(double Build, double Plan, double Apply, int Commands)> rows)
    {
        var clock = Stopwatch.StartNew();
        var after = before.WithPolicies(policies);
        var build = clock.Elapsed.TotalMilliseconds;
        var plan = agent.PlanPolicies(before, after, changed) ?? throw new InvalidOperationException("the policy patch was refused: the change names no new CIDR");
        var planned = clock.Elapsed.TotalMilliseconds;
        await agent.ApplyAsync(plan);
        rows.Add((build, planned - build, clock.Elapsed.TotalMilliseconds - planned, plan.Transaction.Commands.Count));
        return after;
    }

    /// <summary>A pod patch (<see cref="NodeAgent.PlanPods"/>) over the engine of the base state: no engine build.</summary>
    private static async Task<(double Build, double Plan, double Apply, int Commands)> PodChangeAsync(NodeAgent agent, PolicyEngine engine, IReadOnlyList<Palisade.Engine.Cluster.Endpoint> added, IReadOnlyList<Palisade.Engine.Cluster.Endpoint> removed)
    {
        var clock = Stopwatch.StartNew();
        var plan = agent.PlanPods(engine, added, removed) ?? throw new InvalidOperationException("the pod patch was refused: the extra pod should be of a known class");
        var planned = clock.Elapsed.TotalMilliseconds;
        await agent.ApplyAsync(plan);
        return (0, planned, clock.Elapsed.TotalMilliseconds - planned, plan.Transaction.Commands.Count);
    }

    private static ManifestSet Load(string yaml)
    {
        var set = ManifestLoader.LoadText(yaml, "bench.yaml");
        return set.HasErrors ? throw new InvalidOperationException(string.Join("\n", set.Diagnostics.Take(5))) : set;
    }

    private static double Median(IEnumerable<double> values) => Percentile(values, 50);

    private static double Percentile(IEnumerable<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }

    private static int Int(string[] args, string name, int fallback) =>
        int.Parse(BenchArgs.Option(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static void Run(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true }) ?? throw new InvalidOperationException($"cannot run {file}");
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {error}");
    }
}
