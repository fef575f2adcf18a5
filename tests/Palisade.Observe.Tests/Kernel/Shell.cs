using System.Diagnostics;

namespace Palisade.Observe.Tests.Kernel;

/// <summary>Runs the tools the kernel tests set up with (ip, nft) and returns their output.</summary>
internal static class Shell
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/>, feeding <paramref name="input"/>; throws with stderr on failure.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> args, string? input = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }
}
