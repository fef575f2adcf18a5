using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Palisade.Lab.System;
using Palisade.Lab.Workloads;

namespace Palisade.Lab.Controller;

/// <summary>
/// One workload process (<c>palisade lab workload-host</c>) serving the pods of one node, or the world hosts, driven
/// over its stdin/stdout with JSON lines; one event answers each command, in order. When it dies unexpectedly it is
/// started again and given every pod it served, and <c>restarted</c> is told which pods were hit (their restart
/// count goes up, as a container's would). It exits by itself when the controller dies (its stdin closes).
/// </summary>
internal sealed class WorkloadProcess : IAsyncDisposable
{
    private readonly string lab;
    private readonly string group;
    private readonly string caDirectory;
    private readonly Action<string, IReadOnlyCollection<string>> restarted;
    private readonly Action<string, int?> pidChanged;
    private readonly Dictionary<string, WorkloadSpec> specs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim gate = new(1, 1);
    private Process? process;
    private bool stopping;

    public WorkloadProcess(string lab, string group, string caDirectory, Action<string, IReadOnlyCollection<string>> restarted, Action<string, int?> pidChanged)
    {
        this.lab = lab;
        this.group = group;
        this.caDirectory = caDirectory;
        this.restarted = restarted;
        this.pidChanged = pidChanged;
    }

    /// <summary>True when the process serves <paramref name="key"/>.</summary>
    public bool IsServing(string key)
    {
        lock (specs) return specs.ContainsKey(key) && process is { HasExited: false };
    }

    /// <summary>Serves (or re-serves with a changed spec) one pod.</summary>
    public async Task<WorkloadResult> AddAsync(WorkloadSpec spec)
    {
        lock (specs) specs[spec.Key] = spec;
        return await SendAsync(new JsonObject { ["op"] = "add", ["spec"] = JsonSerializer.SerializeToNode(spec, WorkloadJson.Options) }).ConfigureAwait(false);
    }

    /// <summary>Stops serving one pod.</summary>
    public async Task RemoveAsync(string key)
    {
        lock (specs)
        {
            if (!specs.Remove(key)) return;
        }
        await SendAsync(new JsonObject { ["op"] = "remove", ["key"] = key }).ConfigureAwait(false);
    }

    private async Task<WorkloadResult> SendAsync(JsonObject command)
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var p = EnsureStarted();
                try
                {
                    await p.StandardInput.WriteLineAsync(command.ToJsonString()).ConfigureAwait(false);
                    await p.StandardInput.FlushAsync().ConfigureAwait(false);
                    var line = await p.StandardOutput.ReadLineAsync().ConfigureAwait(false) ?? throw new IOException("the workload process exited");
                    return Parse(JsonNode.Parse(line)!.AsObject());
                }
                catch (IOException) when (attempt < 2)
                {
                    await RestartAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static WorkloadResult Parse(JsonObject e)
    {
        var kind = (string?)e["event"];
        if (kind == "failed") return new WorkloadResult(false, (string?)e["error"]);
        var skipped = e["skipped"] is JsonArray s && s.Count > 0 ? "not served: " + string.Join("; ", s.Select(x => (string?)x)) : null;
        return new WorkloadResult(true, skipped);
    }

    private Process EnsureStarted()
    {
        if (process is { HasExited: false }) return process;
        var (file, prefix) = SelfCommand.Resolve();
        var info = new ProcessStartInfo(file) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false };
        foreach (var a in prefix) info.ArgumentList.Add(a);
        foreach (var a in new[] { "lab", "workload-host", "--lab", lab, "--group", group, "--ca", caDirectory }) info.ArgumentList.Add(a);
        process = Process.Start(info) ?? throw new LabException("cannot start the workload process");
        pidChanged(group, process.Id);
        return process;
    }

    /// <summary>Starts the process again after it died, and gives it every pod it served.</summary>
    private async Task RestartAsync()
    {
        if (stopping) throw new LabException("the lab is stopping");
        process?.Dispose();
        process = null;
        List<WorkloadSpec> all;
        lock (specs) all = [.. specs.Values];
        var p = EnsureStarted();
        foreach (var spec in all)
        {
            await p.StandardInput.WriteLineAsync(new JsonObject { ["op"] = "add", ["spec"] = JsonSerializer.SerializeToNode(spec, WorkloadJson.Options) }.ToJsonString()).ConfigureAwait(false);
            await p.StandardInput.FlushAsync().ConfigureAwait(false);
            _ = await p.StandardOutput.ReadLineAsync().ConfigureAwait(false);
        }
        restarted(group, [.. all.Select(s => s.Key)]);
    }

    /// <summary>Restarts the process when it died (called by the supervisor's watchdog).</summary>
    public async Task CheckAsync()
    {
        if (process is null or { HasExited: false } || stopping) return;
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (process is { HasExited: true }) await RestartAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        stopping = true;
        await gate.WaitAsync().ConfigureAwait(false);
        if (process is { HasExited: false } p)
        {
            p.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await p.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                p.Kill(entireProcessTree: true);
            }
        }
        process?.Dispose();
        pidChanged(group, null);
    }
}
