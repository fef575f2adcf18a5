using Palisade.Lab.Dns;
using Palisade.Lab.Netns;
using Palisade.Lab.System;
using Palisade.Lab.Topology;

namespace Palisade.Lab.Controller;

/// <summary>
/// Removes everything a lab made, and nothing else, whatever state a crash left it in: its processes (found by their
/// command line, which names the lab), processes still inside its namespaces, the namespaces themselves (every
/// <c>pl-LAB.</c> one; their veths go with them), their <c>/etc/netns</c> files, and the lab's directory.
/// </summary>
public static class LabCleaner
{
    /// <summary>True when anything of lab <paramref name="paths"/> is left on the machine.</summary>
    public static bool HasLeftovers(LabPaths paths) =>
        paths.Exists || Namespaces(new LabNaming(paths.Name)).Count > 0 || LabProcesses.Find(paths.Name).Count > 0;

    /// <summary>Removes all of lab <paramref name="paths"/>.</summary>
    public static async Task CleanAsync(LabPaths paths, CancellationToken ct = default)
    {
        await LabProcesses.KillAsync(LabProcesses.Find(paths.Name)).ConfigureAwait(false);
        await RemoveNamespacesAsync(new LabNaming(paths.Name), ct).ConfigureAwait(false);
        if (paths.Exists) Directory.Delete(paths.Directory, recursive: true);
    }

    /// <summary>Removes the lab's namespaces, the processes inside them and their <c>/etc/netns</c> files.</summary>
    public static async Task RemoveNamespacesAsync(LabNaming naming, CancellationToken ct = default)
    {
        var names = Namespaces(naming);
        foreach (var name in names)
        {
            var pids = await ProcessRunner.RunAsync("ip", ["netns", "pids", name], cancellationToken: ct).ConfigureAwait(false);
            var inside = pids.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
            await LabProcesses.KillAsync(inside).ConfigureAwait(false);
            ResolvConf.Delete(name);
        }
        if (names.Count == 0) return;
        await ProcessRunner.RunAsync("ip", ["-force", "-batch", "-"], string.Concat(names.Select(n => $"netns delete {n}\n")), ct).ConfigureAwait(false);
        var left = Namespaces(naming);
        if (left.Count > 0) throw new LabException($"could not delete namespaces {string.Join(", ", left)}; delete them with `ip netns delete NAME`");
    }

    /// <summary>The lab's namespaces that exist now.</summary>
    public static IReadOnlyList<string> Namespaces(LabNaming naming) =>
        !Directory.Exists(NetworkNamespace.Directory)
            ? []
            : [.. Directory.EnumerateFiles(NetworkNamespace.Directory).Select(Path.GetFileName).OfType<string>().Where(n => n.StartsWith(naming.Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
}
