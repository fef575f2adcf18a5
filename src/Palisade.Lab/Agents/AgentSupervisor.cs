using System.Diagnostics;
using Palisade.Lab.Api;
using Palisade.Lab.Store;
using Palisade.Lab.System;

namespace Palisade.Lab.Agents;

/// <summary>
/// The controller's side of the node agents: starts one per node when none runs (found by the process id it reported
/// and its command line, so agents outlive a controller and are adopted by the next), rings them when the state
/// changed, and waits until every node's kernel holds a generation.
/// </summary>
internal sealed class AgentSupervisor(LabPaths paths, LabStore store, IReadOnlyList<string> nodes)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly Dictionary<string, Process> started = new(StringComparer.Ordinal);

    /// <summary>Starts the agent of every node that has none running.</summary>
    public void EnsureRunning()
    {
        var reports = store.Agents();
        foreach (var node in nodes.Where(n => !IsRunning(n, reports))) Launch(node);
    }

    /// <summary>Wakes every agent.</summary>
    public void RingAll()
    {
        foreach (var node in nodes) AgentBell.Ring(paths.AgentBell(node));
    }

    /// <summary>
    /// Waits until every node's kernel holds <paramref name="generation"/>, restarting agents that die meanwhile.
    /// </summary>
    /// <exception cref="LabException">An agent could not program it (the kernel refused), or did not within two minutes.</exception>
    public async Task WaitForAsync(long generation, Func<ApiMessage, Task> emit, CancellationToken ct)
    {
        EnsureRunning();
        RingAll();
        var deadline = DateTime.UtcNow + Patience;
        var check = DateTime.UtcNow.AddSeconds(1);
        var shown = -1;
        while (true)
        {
            var reports = store.Agents();
            var done = nodes.Count(n => reports.TryGetValue(n, out var r) && r.Synced >= generation);
            if (done != shown) await emit(ApiMessage.Progress("programming policy", shown = done, nodes.Count)).ConfigureAwait(false);
            if (done == nodes.Count) return;
            var failed = nodes.Select(n => reports.GetValueOrDefault(n)).FirstOrDefault(r => r is { Error: not null } && r.Attempted >= generation && r.Synced < generation);
            if (failed is not null) throw new LabException($"node {failed.Node}'s agent could not program the change: {failed.Error}; the node keeps its previous rules, and the agent tries again every second");
            if (DateTime.UtcNow > deadline) throw new LabException($"the node agents did not program the change within {Patience.TotalSeconds:F0} s; see {paths.Log}");
            if (DateTime.UtcNow > check)
            {
                EnsureRunning();
                check = DateTime.UtcNow.AddSeconds(1);
            }
            await Task.Delay(5, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Stops every agent (the rules stay in the kernel until the namespaces go).</summary>
    public async Task StopAllAsync()
    {
        var pids = store.Agents().Values.Select(r => r.Pid).Where(pid => IsAgentProcess(pid, null)).ToList();
        await LabProcesses.KillAsync(pids).ConfigureAwait(false);
        foreach (var p in started.Values) p.Dispose();
        started.Clear();
    }

    private bool IsRunning(string node, IReadOnlyDictionary<string, AgentRecord> reports)
    {
        if (started.TryGetValue(node, out var p))
        {
            if (!p.HasExited) return true;
            p.Dispose();
            started.Remove(node);
        }
        return reports.TryGetValue(node, out var r) && IsAgentProcess(r.Pid, node);
    }

    private bool IsAgentProcess(int pid, string? node) =>
        LabProcesses.CommandLine(pid) is { } args && LabProcesses.IsLabProcess(args, paths.Name) && args.Contains("agent") && (node is null || args.Contains(node));

    private void Launch(string node)
    {
        var (file, prefix) = SelfCommand.Resolve();
        var info = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var a in prefix.Concat(["lab", "agent", "--lab", paths.Name, "--node", node])) info.ArgumentList.Add(a);
        // A child of the controller, not tied to it: its output goes to the controller's log, and it keeps running
        // (and the rules it programmed stay) when the controller dies.
        started[node] = Process.Start(info) ?? throw new LabException($"cannot start node {node}'s agent");
    }
}
