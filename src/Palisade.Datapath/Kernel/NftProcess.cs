using System.Diagnostics;
using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Kernel;

/// <summary>Runs a program of the machine (ip, nft) to completion, started from a <see cref="NamespaceThread"/> so that it lives in that thread's network namespace.</summary>
internal static class NftProcess
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>, feeding it <paramref name="input"/>, and returns its standard output.</summary>
    /// <exception cref="NftException">It could not start, or it failed; the message carries its standard error.</exception>
    public static async Task<string> RunAsync(NamespaceThread where, string file, IReadOnlyList<string> arguments, string? input = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = await where.RunAsync(() => Process.Start(info)).ConfigureAwait(false) ?? throw new NftException($"cannot start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null) await process.StandardInput.WriteAsync(input).ConfigureAwait(false);
        process.StandardInput.Close();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode == 0
            ? await output.ConfigureAwait(false)
            : throw new NftException($"{file} {string.Join(' ', arguments)} failed (exit {process.ExitCode}): {(await error.ConfigureAwait(false)).Trim()}");
    }
}
