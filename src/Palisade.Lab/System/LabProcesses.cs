using System.Diagnostics;

namespace Palisade.Lab.System;

/// <summary>
/// Finds the lab's own processes by their command line (<c>lab controller --name LAB</c>,
/// <c>lab workload-host --lab LAB</c>, <c>lab agent --lab LAB</c>), so that a crashed lab's processes are found even without its state.
/// </summary>
public static class LabProcesses
{
    /// <summary>The ids of lab <paramref name="lab"/>'s processes, except this one.</summary>
    public static IReadOnlyList<int> Find(string lab)
    {
        var result = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            if (CommandLine(pid) is { } args && IsLabProcess(args, lab)) result.Add(pid);
        }
        return result;
    }

    /// <summary>The arguments process <paramref name="pid"/> was started with, or null when it is gone (or not readable).</summary>
    public static string[]? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True for the command line of one of the lab's processes.</summary>
    public static bool IsLabProcess(IReadOnlyList<string> args, string lab)
    {
        for (var i = 0; i + 3 < args.Count; i++)
        {
            if (args[i] != "lab") continue;
            if (args[i + 1] == "controller" && args[i + 2] == "--name" && args[i + 3] == lab) return true;
            if (args[i + 1] is "workload-host" or "agent" && args[i + 2] == "--lab" && args[i + 3] == lab) return true;
        }
        return false;
    }

    /// <summary>Stops the processes: SIGTERM, then SIGKILL for those still there after two seconds.</summary>
    public static async Task KillAsync(IReadOnlyList<int> pids)
    {
        var processes = pids.Select(TryGet).OfType<Process>().ToList();
        foreach (var p in processes) Signal(p.Id, 15);
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (processes.Any(p => !p.HasExited) && DateTime.UtcNow < deadline) await Task.Delay(50).ConfigureAwait(false);
        foreach (var p in processes.Where(p => !p.HasExited)) p.Kill(entireProcessTree: true);
        foreach (var p in processes)
        {
            await p.WaitForExitAsync().ConfigureAwait(false);
            p.Dispose();
        }
    }

    private static Process? TryGet(int pid)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static void Signal(int pid, int signal) => _ = Kill(pid, signal);

    [global::System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
