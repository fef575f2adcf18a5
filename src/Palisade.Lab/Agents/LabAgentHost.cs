using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Palisade.Agent;
using Palisade.Datapath.Kernel;
using Palisade.Datapath.Nft;
using Palisade.Lab.Connectivity;
using Palisade.Lab.State;
using Palisade.Lab.Store;
using Palisade.Lab.Topology;

namespace Palisade.Lab.Agents;

/// <summary>
/// The node agent of one lab node (<c>palisade lab agent --lab LAB --node NODE</c>): watches the lab's state (woken by
/// the controller's bell, and every second anyway), and whenever its generation moved rebuilds the engine from pods,
/// namespaces, nodes and policies of every dialect, and programs its node's table through libnftables inside the
/// node's namespace — a full atomic load when it starts and after any failure, only the differences otherwise. It
/// reports each attempt in the store. The rules stay in the kernel when it stops, so a restart has no gap.
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
        var record = new AgentRecord(node, Environment.ProcessId, 0, 0, null, 0, 0, 0, 0, DateTimeOffset.UtcNow);
        store.PutAgent(record);
        await log.WriteLineAsync($"[agent {node}] pid {Environment.ProcessId} watching lab {lab}").ConfigureAwait(false);
        var failed = true;   // the first sync is always a full load
        while (!ct.IsCancellationRequested && paths.Exists)
        {
            if (failed || store.Generation != record.Synced)
            {
                (record, failed) = await SyncOnceAsync(paths, store, agent, record, log, ct).ConfigureAwait(false);
                store.PutAgent(record);
            }
            await bell.WaitAsync(Poll, ct).ConfigureAwait(false);
        }
        return 0;
    }

    private static async Task<(AgentRecord, bool Failed)> SyncOnceAsync(LabPaths paths, LabStore store, NodeAgent agent, AgentRecord record, TextWriter log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long generation = 0;
        try
        {
            (var snapshot, generation) = LabSnapshot.ReadGeneration(paths, store);
            var (engine, _) = LabEngine.Build(snapshot);
            var result = await agent.SyncAsync(engine, ct).ConfigureAwait(false);
            return (record with
            {
                Synced = generation,
                Attempted = generation,
                Error = null,
                Syncs = record.Syncs + 1,
                FullLoads = record.FullLoads + (result.Full ? 1 : 0),
                Commands = record.Commands + result.Commands,
                LastSyncMs = clock.Elapsed.TotalMilliseconds,
                Updated = DateTimeOffset.UtcNow,
            }, false);
        }
        catch (Exception e) when (e is NftException or LabException or SqliteException or IOException or InvalidOperationException)
        {
            await log.WriteLineAsync($"[agent {agent.Node}] generation {generation}: {e.Message}; the kernel keeps the previous rules, the next sync loads the whole table").ConfigureAwait(false);
            return (record with { Attempted = generation, Error = e.Message, Updated = DateTimeOffset.UtcNow }, true);
        }
    }
}
