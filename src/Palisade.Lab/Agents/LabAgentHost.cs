using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Palisade.Agent;
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
/// removed, it patches the node's program without building an engine (<see cref="NodeAgent.PlanPods"/>); otherwise
/// it rebuilds the engine from pods, namespaces, nodes, Services and policies of every dialect and sends the
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
        var agent = new NodeAgent(node, kernel, e => LabNaming.PodVeth(e.Key));
        using var bell = AgentBell.Listen(paths.AgentBell(node));
        var record = new AgentRecord(node, Environment.ProcessId, 0, 0, null, 0, 0, 0, 0, 0, DateTimeOffset.UtcNow);
        store.PutAgent(record);
        await log.WriteLineAsync($"[agent {node}] pid {Environment.ProcessId} watching lab {lab}").ConfigureAwait(false);
        var state = (Seen?)null;   // null: the next sync rebuilds the engine and loads the whole table
        while (!ct.IsCancellationRequested && paths.Exists)
        {
            if (state is null || store.Generation != record.Synced)
            {
                (record, state) = await SyncOnceAsync(paths, store, agent, record, state, log, ct).ConfigureAwait(false);
                store.PutAgent(record);
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
            var now = new Seen(LabEngine.NonPodInputs(snapshot), LabEngine.Endpoints(snapshot), last?.Engine);
            SyncPlan? pods = null;
            if (last is not null && PodsOnly(last, now) is var (added, removed)) pods = agent.PlanPods(last.Engine!, added, removed);
            if (pods is null) now = now with { Engine = LabEngine.Build(snapshot).Engine };
            var result = pods is not null ? await agent.ApplyAsync(pods, ct).ConfigureAwait(false) : await agent.SyncAsync(now.Engine!, ct).ConfigureAwait(false);
            return (record with
            {
                Synced = generation,
                Attempted = generation,
                Error = null,
                Syncs = record.Syncs + 1,
                FullLoads = record.FullLoads + (result.Full ? 1 : 0),
                PodSyncs = record.PodSyncs + (pods is null ? 0 : 1),
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

    /// <summary>The pods added and removed since <paramref name="last"/>, or null when anything else changed (a pod's labels, ports, address or node; any other input).</summary>
    private static (IReadOnlyList<Endpoint> Added, IReadOnlyList<Endpoint> Removed)? PodsOnly(Seen last, Seen now)
    {
        if (last.Engine is null || last.Inputs != now.Inputs) return null;
        var added = now.Pods.Where(p => !last.Pods.ContainsKey(p.Key)).Select(p => p.Value).ToList();
        var removed = last.Pods.Where(p => !now.Pods.ContainsKey(p.Key)).Select(p => p.Value).ToList();
        var changed = now.Pods.Any(p => last.Pods.TryGetValue(p.Key, out var was) && Fingerprint(was) != Fingerprint(p.Value));
        return changed ? null : (added, removed);
    }

    private static string Fingerprint(Endpoint e) =>
        $"{e.Labels.Key}|{string.Join(",", e.Addresses)}|{string.Join(",", e.Ports)}|{e.ServiceAccount}|{e.NodeName}|{e.HostNetwork}";

    /// <summary>What the last sync saw: the non-pod inputs, the pods, and the engine of the last full build (which the pod patches ask).</summary>
    private sealed record Seen(string Inputs, IReadOnlyDictionary<string, Endpoint> Pods, PolicyEngine? Engine);
}
