using System.Runtime.InteropServices;
using Palisade.Lab.Api;

namespace Palisade.Lab.Controller;

/// <summary>
/// The body of the <c>palisade lab controller --name LAB</c> process: serves the lab's API until asked to shut the
/// lab down (then removes its namespaces and exits) or until SIGTERM (then exits and leaves the lab running, to be
/// adopted by the next controller).
/// </summary>
public static class LabControllerHost
{
    /// <summary>Runs the controller of lab <paramref name="name"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string name, TextWriter log)
    {
        var paths = LabPaths.For(name);
        await File.WriteAllTextAsync(paths.PidFile, Environment.ProcessId.ToString(global::System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
        var controller = new LabController(paths);
        using var terminated = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            terminated.Cancel();
        });
        var server = LabApiServer.Start(paths.Socket, async (request, emit, ct) =>
        {
            await log.WriteLineAsync($"{DateTimeOffset.UtcNow:O} {request.Verb} {request.Objects?.Count ?? 0} object(s)").ConfigureAwait(false);
            await controller.HandleAsync(request, emit, ct).ConfigureAwait(false);
        });
        await log.WriteLineAsync($"{DateTimeOffset.UtcNow:O} controller of lab {name} listening on {paths.Socket}").ConfigureAwait(false);
        var relay = await StartRelayAsync(paths, controller.Config, log).ConfigureAwait(false);
        await Task.WhenAny(controller.ShutdownRequested.Task, Task.Delay(Timeout.Infinite, terminated.Token)).ConfigureAwait(false);
        await Task.Delay(100).ConfigureAwait(false);   // let the last answer reach the client
        await server.DisposeAsync().ConfigureAwait(false);
        if (relay is not null) await relay.DisposeAsync().ConfigureAwait(false);
        await controller.DisposeAsync().ConfigureAwait(false);
        File.Delete(paths.PidFile);
        await log.WriteLineAsync($"{DateTimeOffset.UtcNow:O} controller of lab {name} stopped").ConfigureAwait(false);
        return 0;
    }

    /// <summary>The lab's relay; none (said in the log) when its socket cannot be bound — the lab works without it.</summary>
    private static async Task<LabRelay?> StartRelayAsync(LabPaths paths, Topology.LabConfig config, TextWriter log)
    {
        try
        {
            return await LabRelay.StartAsync(paths, config).ConfigureAwait(false);
        }
        catch (Exception e) when ((e is IOException or LabException) && config.RelayAddress is not null)
        {
            // The TCP address cannot be had (in use, not local): the relay still serves its Unix socket.
            await log.WriteLineAsync($"{DateTimeOffset.UtcNow:O} no relay on {config.RelayAddress}: {e.Message}; serving {paths.Relay} only").ConfigureAwait(false);
            return await StartRelayAsync(paths, config with { RelayAddress = null }, log).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or LabException)
        {
            await log.WriteLineAsync($"{DateTimeOffset.UtcNow:O} no relay on {paths.Relay}: {e.Message}").ConfigureAwait(false);
            return null;
        }
    }
}
