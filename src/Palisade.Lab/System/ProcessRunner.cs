using System.Diagnostics;

namespace Palisade.Lab.System;

/// <summary>Runs a program of the machine (ip, nft, sysctl) to completion, feeding it standard input and capturing its output.</summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>; never throws for a non-zero exit.</summary>
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> arguments, string? input = null, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (input is not null) await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken).ConfigureAwait(false);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return new ProcessResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>Runs and throws <see cref="LabException"/> with the program's own message when it fails.</summary>
    public static async Task<string> RunCheckedAsync(string file, IEnumerable<string> arguments, string? input = null, CancellationToken cancellationToken = default)
    {
        var args = arguments.ToList();
        var result = await RunAsync(file, args, input, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new LabException($"{file} {string.Join(' ', args)} failed (exit {result.ExitCode}): {result.StandardError.Trim()}");
        }
        return result.StandardOutput;
    }
}
