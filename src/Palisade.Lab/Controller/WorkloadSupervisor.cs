using Palisade.Lab.Workloads;

namespace Palisade.Lab.Controller;

/// <summary>
/// The lab's workload processes, one per node (and one for the world hosts), started on first use, checked every
/// second and started again when one dies.
/// </summary>
internal sealed class WorkloadSupervisor : IAsyncDisposable
{
    private readonly LabPaths paths;
    private readonly Action<string, IReadOnlyCollection<string>> restarted;
    private readonly Dictionary<string, WorkloadProcess> processes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private readonly Task watchdog;

    public WorkloadSupervisor(LabPaths paths, Action<string, IReadOnlyCollection<string>> restarted, Action<string, int?> pidChanged)
    {
        this.paths = paths;
        this.restarted = restarted;
        PidChanged = pidChanged;
        watchdog = WatchAsync();
    }

    private Action<string, int?> PidChanged { get; }

    public bool IsServing(string group, string key)
    {
        lock (processes) return processes.TryGetValue(group, out var p) && p.IsServing(key);
    }

    public Task<WorkloadResult> AddAsync(string group, WorkloadSpec spec) => Get(group).AddAsync(spec);

    public Task RemoveAsync(string group, string key)
    {
        lock (processes) return processes.TryGetValue(group, out var p) ? p.RemoveAsync(key) : Task.CompletedTask;
    }

    private WorkloadProcess Get(string group)
    {
        lock (processes)
        {
            if (!processes.TryGetValue(group, out var p))
            {
                p = new WorkloadProcess(paths.Name, group, paths.CaDirectory, restarted, PidChanged);
                processes[group] = p;
            }
            return p;
        }
    }

    private async Task WatchAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                List<WorkloadProcess> all;
                lock (processes) all = [.. processes.Values];
                foreach (var p in all)
                {
                    try
                    {
                        await p.CheckAsync().ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is IOException or LabException or InvalidOperationException)
                    {
                        // tried again on the next tick
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Stops every workload process.</summary>
    public async Task StopAllAsync()
    {
        List<WorkloadProcess> all;
        lock (processes)
        {
            all = [.. processes.Values];
            processes.Clear();
        }
        foreach (var p in all) await p.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await watchdog.ConfigureAwait(false);
        await StopAllAsync().ConfigureAwait(false);
        stop.Dispose();
    }
}
