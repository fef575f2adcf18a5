using System.Diagnostics;
using Palisade.Lab.Api;
using Palisade.Lab.System;

namespace Palisade.Lab.Controller;

/// <summary>
/// Starts a lab's controller as a daemon (its own session, stdin from /dev/null, output to the lab's log) when none
/// answers, and has it bring the lab to its stored state. Every verb that changes a lab goes through here, so a
/// controller that died is replaced on the next command and adopts what the old one made.
/// </summary>
public static class ControllerLauncher
{
    /// <summary>Makes sure lab <paramref name="paths"/> has a running, started controller.</summary>
    public static async Task EnsureRunningAsync(LabPaths paths, Action<ApiMessage> onMessage, CancellationToken ct = default)
    {
        if (LabApiClient.IsListening(paths.Socket)) return;
        var (file, prefix) = SelfCommand.Resolve();
        var command = string.Join(' ', new[] { file }.Concat(prefix).Concat(["lab", "controller", "--name", paths.Name]).Select(Quote));
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"exec setsid {command} </dev/null >>{Quote(paths.Log)} 2>&1 &");
        using (var shell = Process.Start(info) ?? throw new LabException("cannot start the lab's controller"))
        {
            await shell.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!LabApiClient.IsListening(paths.Socket))
        {
            if (DateTime.UtcNow > deadline) throw new LabException($"the lab's controller did not start within 30 s; see {paths.Log}");
            await Task.Delay(50, ct).ConfigureAwait(false);
        }
        var result = await LabApiClient.SendAsync(paths.Socket, new ApiRequest("start"), onMessage, ct).ConfigureAwait(false);
        if (!result.Ok) throw new LabException($"the lab could not start: {result.Text}");
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
