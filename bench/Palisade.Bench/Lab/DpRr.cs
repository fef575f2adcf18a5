using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Palisade.Bench.Lab;

/// <summary>
/// The kernel-bound client and server of the datapath bench: <c>Native/dp-rr.c</c> compiled with gcc into a
/// temporary directory at start, run inside pods' network namespaces through <c>ip netns exec</c>. The C source is
/// found next to the program (if the project copies it to the output) or, as with <c>dotnet run</c>, in the source
/// tree above the output directory.
/// </summary>
internal sealed class DpRr : IDisposable
{
    private readonly NativeTool tool;

    private DpRr(NativeTool tool) => this.tool = tool;

    private string Binary => tool.Binary;

    /// <summary>Compiles the tool; a missing gcc or source is an error that says what to do.</summary>
    public static async Task<DpRr> CompileAsync() =>
        new(await NativeTool.CompileAsync("Lab/Native/dp-rr.c", "dp-rr", "the datapath bench's C client"));

    /// <summary>Starts the server in <paramref name="netns"/> on <paramref name="port"/> and waits until it listens.</summary>
    public async Task<DpRrServer> StartServerAsync(string netns, int port)
    {
        var info = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "netns", "exec", netns, Binary, "server", port.ToString(CultureInfo.InvariantCulture) }) info.ArgumentList.Add(a);
        var server = new DpRrServer(Process.Start(info) ?? throw new InvalidOperationException("cannot start ip netns exec"));
        try
        {
            await server.WaitListeningAsync(TimeSpan.FromSeconds(10));
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Runs the client (<c>crr</c>, <c>rr</c> or <c>stream</c>) in <paramref name="netns"/> against the server for <paramref name="seconds"/>.</summary>
    public async Task<DpRrResult> RunAsync(string netns, string mode, IPAddress server, int port, double seconds)
    {
        var args = new[] { "netns", "exec", netns, Binary, mode, server.ToString(), port.ToString(CultureInfo.InvariantCulture), seconds.ToString(CultureInfo.InvariantCulture) };
        var (code, output) = await ExecAsync("ip", args, TimeSpan.FromSeconds(seconds + 30));
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(mode + " ", StringComparison.Ordinal));
        if (code != 0 || line is null) throw new InvalidOperationException($"dp-rr {mode} from {netns} to {server}:{port} failed (exit {code}): {output.Trim()}");
        var result = DpRrResult.Parse(line);
        if (result.Rate <= 0) throw new InvalidOperationException($"dp-rr {mode} from {netns} to {server}:{port} made no transaction: {line}");
        return result;
    }

    /// <summary>Removes the temporary directory with the binary.</summary>
    public void Dispose() => tool.Dispose();

    private static async Task<(int Code, string Output)> ExecAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} did not finish in {timeout.TotalSeconds:F0} s");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
