using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Palisade.Agent;
using Palisade.Agent.Programming;
using Palisade.Datapath.Kernel;
using Palisade.Datapath.Nft;
using Palisade.Engine;
using Palisade.Engine.Cluster;
using Palisade.Lab.Connectivity;
using Palisade.Lab.State;
using Palisade.Lab.Store;
using Palisade.Lab.Topology;

namespace Palisade.Lab.Agents;

/// <summary>
/// The node agent of one lab node (<c>palisade lab agent --lab LAB --node NODE</c>): watches the lab's state (woken by
/// the controller's bell, and every second anyway), and whenever its generation moved programs its node's table
/// through libnftables inside the node's namespace. When only pods of classes the last engine knows were added or
/// removed, it patches the node's program without building an engine (<see cref="NodeAgent.PlanPods"/>); when only
/// policies changed, it builds their maps over the last engine's cluster and recomputes the identities they select
/// (<see cref="NodeAgent.PlanPolicies"/>); otherwise it rebuilds the engine from pods, namespaces, nodes, Services and policies of every dialect and sends the
/// difference — a full atomic load when it starts and after any failure. It reports each attempt in the store. The
/// rules stay in the kernel when it stops, so a restart has no gap.
/// </summary>
public static class LabAgentHost
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>Runs until cancelled or until the lab is gone.</summary>
    public static async Task<int> RunAsync(string lab, string node, TextWriter log, CancellationToken ct)
    {
        var paths = LabPaths.For(lab);
        using var store = LabStore.Open(paths.StateDb);
        var naming = new LabNaming(lab);
        using var kernel = new LibNftables(naming.Node(node));
        var config = store.Config;
        var logging = new FlowLogging(Drops: config.FlowLogs != "off", Allowed: config.FlowLogs == "all", AllowedSample: config.FlowSample);
        var agent = new NodeAgent(node, kernel, e => LabNaming.PodVeth(e.Key), new NodeTable(logging: logging));
        using var bell = AgentBell.Listen(paths.AgentBell(node));
        await using var observer = await AgentObserver.StartAsync(paths, naming.Node(node), node, agent, config.FlowBufferSize, log, ct).ConfigureAwait(false);
        var record = new AgentRecord(node, Environment.ProcessId, 0, 0, null, 0, 0, 0, 0, 0, DateTimeOffset.UtcNow);
        store.PutAgent(record);
        await log.WriteLineAsync($"[agent {node}] pid {Environment.ProcessId} watching lab {lab}").ConfigureAwait(false);
        var state = (Seen?)null;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        (IReadOnlyDictionary<uint, uint>, IReadOnlyList<Palisade.Agent.Compilation.AddressBlock>)? described = null;   // null: the next sync rebuilds the engine and loads the whole table
        while (!ct.IsCancellationRequested && paths.Exists)
        {
            if (state is null || store.Generation != record.Synced)
            {
                (record, state) = await SyncOnceAsync(paths, store, agent, record, state, log, ct).ConfigureAwait(false);
                store.PutAgent(record);
                // Addresses and blocks are new objects whenever pods, labels or CIDRs changed; a policy patch keeps them.
                if (state?.Engine is { } engine && agent.Applied is { } applied && (applied.Addresses, applied.Blocks) != described)
                {
                    observer.Update(agent.Directory(engine));
                    described = (applied.Addresses, applied.Blocks);
                }
                foreach (var failure in observer.Failures.Where(reported.Add)) await log.WriteLineAsync($"[agent {node}] flows stopped: {failure}").ConfigureAwait(false);
            }
            await bell.WaitAsync(Poll, ct).ConfigureAwait(false);
        }
        return 0;
    }

    private static async Task<(AgentRecord, Seen?)> SyncOnceAsync(LabPaths paths, LabStore store, NodeAgent agent, AgentRecord record, Seen? last, TextWriter log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long generation = 0;
        try
        {
            (var snapshot, generation) = LabSnapshot.ReadGeneration(paths, store);
            var now = new Seen(LabEngine.OtherInputs(snapshot), LabEngine.PolicyInputs(snapshot), LabEngine.Endpoints(snapshot), last?.Engine);
            var (patch, patched) = last is null ? (null, null) : Patch(agent, snapshot, last, now);
            now = now with { Engine = patch is null ? LabEngine.Build(snapshot).Engine : patched };
            var result = patch is not null ? await agent.ApplyAsync(patch, ct).ConfigureAwait(false) : await agent.SyncAsync(now.Engine!, ct).ConfigureAwait(false);
            return (record with
            {
                Synced = generation,
                Attempted = generation,
                Error = null,
                Syncs = record.Syncs + 1,
                FullLoads = record.FullLoads + (result.Full ? 1 : 0),
                Patches = record.Patches + (patch is null ? 0 : 1),
                Commands = record.Commands + result.Commands,
                LastSyncMs = clock.Elapsed.TotalMilliseconds,
                Updated = DateTimeOffset.UtcNow,
            }, now);
        }
        catch (Exception e) when (e is NftException or LabException or SqliteException or IOException or InvalidOperationException)
        {
            await log.WriteLineAsync($"[agent {agent.Node}] generation {generation}: {e.Message}; the kernel keeps the previous rules, the next sync loads the whole table").ConfigureAwait(false);
            return (record with { Attempted = generation, Error = e.Message, Updated = DateTimeOffset.UtcNow }, null);
        }
    }

    /// <summary>
    /// A patch of the applied program when only pods came and went (<see cref="NodeAgent.PlanPods"/>) or only policies
    /// changed (<see cref="NodeAgent.PlanPolicies"/>), with the engine the program is then made from; no plan when
    /// anything else changed or the agent cannot patch: then the engine is built again.
    /// </summary>
    private static (SyncPlan? Plan, PolicyEngine? Engine) Patch(NodeAgent agent, LabSnapshot snapshot, Seen last, Seen now)
    {
        if (last.Engine is null || last.Others != now.Others) return (null, null);
        var added = now.Pods.Where(p => !last.Pods.ContainsKey(p.Key)).Select(p => p.Value).ToList();
        var removed = last.Pods.Where(p => !now.Pods.ContainsKey(p.Key)).Select(p => p.Value).ToList();
        if (now.Pods.Any(p => last.Pods.TryGetValue(p.Key, out var was) && Fingerprint(was) != Fingerprint(p.Value))) return (null, null);
        var changed = now.Policies.Keys.Union(last.Policies.Keys)
            .Where(k => !now.Policies.TryGetValue(k, out var n) || !last.Policies.TryGetValue(k, out var l) || n.Json != l.Json)
            .Select(k => now.Policies.TryGetValue(k, out var n) ? (n.Kind, n.Name) : (last.Policies[k].Kind, last.Policies[k].Name))
            .ToHashSet();
        if (changed.Count == 0) return (agent.PlanPods(last.Engine, added, removed), last.Engine);
        if (added.Count > 0 || removed.Count > 0) return (null, null);
        var after = last.Engine.WithPolicies(LabEngine.LowerPolicies(snapshot));
        // Matched by kind and name: a same-named policy in another namespace is recomputed too, which costs, never errs.
        var refs = last.Engine.Policies.Concat(after.Policies).Select(p => p.Ref).Where(r => changed.Contains((r.Kind, r.Name))).ToHashSet();
        return (agent.PlanPolicies(last.Engine, after, refs), after);
    }

    private static string Fingerprint(Endpoint e) =>
        $"{e.Labels.Key}|{string.Join(",", e.Addresses)}|{string.Join(",", e.Ports)}|{e.ServiceAccount}|{e.NodeName}|{e.HostNetwork}|{e.Audit}";

    /// <summary>What the last sync saw: namespaces, nodes and Services; policies; pods; and the engine the node's program was made from.</summary>
    private sealed record Seen(string Others, IReadOnlyDictionary<string, (string Kind, string Name, string Json)> Policies, IReadOnlyDictionary<string, Endpoint> Pods, PolicyEngine? Engine);
}
