using System.Diagnostics;

namespace Palisade.Bench.Lab;

/// <summary>A dp-rr server running in a pod's namespace; disposing stops it (this process only, by its id).</summary>
internal sealed class DpRrServer(Process process) : IDisposable
{
    /// <summary>Waits until the server says it listens, or throws with what it printed instead.</summary>
    public async Task WaitListeningAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }
        if (line is not null && line.StartsWith("listening", StringComparison.Ordinal)) return;
        var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "no answer in " + timeout.TotalSeconds + " s";
        throw new InvalidOperationException($"the dp-rr server did not start: {line} {error}".Trim());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        process.Dispose();
    }
}
