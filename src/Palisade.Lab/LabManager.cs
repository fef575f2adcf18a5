using Palisade.Lab.Api;
using Palisade.Lab.Controller;
using Palisade.Lab.Store;
using Palisade.Lab.Topology;
using Palisade.Policy.Loading;

namespace Palisade.Lab;

/// <summary>What the CLI asks of labs: bring one up, change it, take it down, find which one is meant.</summary>
public static class LabManager
{
    /// <summary>
    /// Brings lab <paramref name="name"/> up with <paramref name="objects"/> applied: refuses when it is running,
    /// cleans leftovers of a crashed run first, then stores the desired state and starts the controller.
    /// </summary>
    public static async Task UpAsync(string name, LabConfig config, IReadOnlyList<ManifestObject> objects, Action<ApiMessage> onMessage, CancellationToken ct = default)
    {
        var paths = LabPaths.For(name);
        config.Validated();
        RequireRoot();
        if (LabApiClient.IsListening(paths.Socket))
        {
            throw new LabException($"lab {name} is already up: add to it with `palisade apply -f ...`, or take it down first with `palisade lab down --name {name}`");
        }
        if (LabCleaner.HasLeftovers(paths))
        {
            onMessage(ApiMessage.Line($"cleaning up what an earlier run of lab {name} left behind"));
            await LabCleaner.CleanAsync(paths, ct).ConfigureAwait(false);
        }
        Directory.CreateDirectory(paths.Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using (var store = LabStore.Open(paths.StateDb, create: true))
        {
            store.Config = config;
            var now = DateTimeOffset.UtcNow;
            store.InTransaction(() =>
            {
                foreach (var o in SystemObjects.For(LabController.DnsServiceAddress(config).ToString())) store.PutObject(Stored(o, now, system: true));
                foreach (var o in objects) store.PutObject(Stored(o, now, system: false));
            });
        }
        await ControllerLauncher.EnsureRunningAsync(paths, onMessage, ct).ConfigureAwait(false);
    }

    /// <summary>Applies objects to a running lab (starting its controller again if it died).</summary>
    public static Task<ApiMessage> ApplyAsync(string name, IReadOnlyList<ManifestObject> objects, Action<ApiMessage> onMessage, CancellationToken ct = default) =>
        SendAsync(name, new ApiRequest("apply", [.. objects.Select(o => new ApiObject(o.ApiVersion, o.Kind, o.Namespace, o.Name, o.Json.ToJsonString()))]), onMessage, ct);

    /// <summary>Deletes objects from a running lab.</summary>
    public static Task<ApiMessage> DeleteAsync(string name, IReadOnlyList<ManifestObject> objects, Action<ApiMessage> onMessage, CancellationToken ct = default) =>
        SendAsync(name, new ApiRequest("delete", [.. objects.Select(o => new ApiObject(o.ApiVersion, o.Kind, o.Namespace, o.Name, null))]), onMessage, ct);

    private static async Task<ApiMessage> SendAsync(string name, ApiRequest request, Action<ApiMessage> onMessage, CancellationToken ct)
    {
        RequireRoot();
        var paths = LabPaths.For(name);
        if (!paths.Exists) throw new LabException($"there is no lab {name}: bring it up with `palisade lab up --name {name}`");
        await ControllerLauncher.EnsureRunningAsync(paths, onMessage, ct).ConfigureAwait(false);
        return await LabApiClient.SendAsync(paths.Socket, request, onMessage, ct).ConfigureAwait(false);
    }

    /// <summary>Takes lab <paramref name="name"/> down and removes everything it made; true when there was anything.</summary>
    public static async Task<bool> DownAsync(string name, Action<ApiMessage> onMessage, CancellationToken ct = default)
    {
        var paths = LabPaths.For(name);
        RequireRoot();
        if (!LabCleaner.HasLeftovers(paths)) return false;
        if (LabApiClient.IsListening(paths.Socket))
        {
            try
            {
                await LabApiClient.SendAsync(paths.Socket, new ApiRequest("shutdown"), onMessage, ct).ConfigureAwait(false);
            }
            catch (LabException)
            {
                // the controller is broken: the cleaner below removes everything anyway
            }
        }
        await LabCleaner.CleanAsync(paths, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The lab a command means: the one named, else <c>$PALISADE_LAB</c>, else the only lab on the machine, else
    /// the default name.
    /// </summary>
    public static string Resolve(string? given)
    {
        if (!string.IsNullOrEmpty(given)) return LabName.Validate(given);
        if (Environment.GetEnvironmentVariable("PALISADE_LAB") is { Length: > 0 } env) return LabName.Validate(env);
        var labs = List();
        return labs.Count switch
        {
            1 => labs[0],
            0 => LabName.Default,
            _ => throw new LabException($"several labs are up ({string.Join(", ", labs)}): say which one with --lab NAME"),
        };
    }

    /// <summary>The names of the labs that have a directory on this machine.</summary>
    public static IReadOnlyList<string> List()
    {
        var root = LabPaths.For(LabName.Default).Root;
        return Directory.Exists(root) ? [.. Directory.EnumerateDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>Throws a <see cref="LabException"/> saying so when this process is not root.</summary>
    public static void RequireRoot()
    {
        if (!Environment.IsPrivilegedProcess) throw new LabException("the lab needs root (it makes network namespaces and nftables tables): run it as root, e.g. with sudo -E");
    }

    private static StoredObject Stored(ManifestObject o, DateTimeOffset now, bool system) =>
        new(o.ApiVersion, o.Kind, o.Namespace, o.Name, o.Json.ToJsonString(), now, system);
}
