using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Palisade.Bench.Scale;

/// <summary>
/// Runs one configuration in a fresh child process (this executable, hidden sub-command), so each configuration has
/// its own JIT, heap and peak working set. The child is killed when it runs past the timeout or its working set
/// passes the memory limit; the result then says so instead of hanging the whole run.
/// </summary>
internal static class ChildRunner
{
    public static Measurement Run(IReadOnlyList<string> childArgs, TimeSpan timeout, long memoryLimitBytes, Measurement placeholder)
    {
        using var child = Process.Start(StartInfo(childArgs))!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        child.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        child.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        var verdict = Watch(child, timeout, memoryLimitBytes);
        if (verdict is not null)
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            return placeholder with { Status = verdict };
        }
        child.WaitForExit();
        var line = stdout.ToString().Split('\n').FirstOrDefault(l => l.StartsWith(RunOneCommand.Prefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            var error = stderr.ToString().Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? $"exit code {child.ExitCode}";
            return placeholder with { Status = "failed: " + error };
        }
        return JsonSerializer.Deserialize<Measurement>(line[RunOneCommand.Prefix.Length..])!;
    }

    private static string? Watch(Process child, TimeSpan timeout, long memoryLimitBytes)
    {
        var clock = Stopwatch.StartNew();
        while (!child.WaitForExit(100))
        {
            child.Refresh();
            long ws;
            try { ws = child.WorkingSet64; }
            catch (InvalidOperationException) { return null; }
            if (ws > memoryLimitBytes) return $"stopped: working set passed the {memoryLimitBytes / (1L << 30)} GiB limit after {clock.Elapsed.TotalSeconds:F0} s";
            if (clock.Elapsed > timeout) return $"stopped: no result within the {timeout.TotalSeconds:F0} s timeout";
        }
        return null;
    }

    private static ProcessStartInfo StartInfo(IReadOnlyList<string> childArgs)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(ChildRunner).Assembly.Location);
        foreach (var a in childArgs) info.ArgumentList.Add(a);
        return info;
    }
}
