using Palisade.Lab.Api;
using Palisade.Lab.Dns;
using Palisade.Lab.Model;
using Palisade.Lab.Topology;
using Palisade.Lab.Workloads;

namespace Palisade.Lab.Controller;

/// <summary>The world hosts, and tearing the whole lab down.</summary>
public sealed partial class LabController
{
    /// <summary>The workload group that serves the world hosts.</summary>
    public const string WorldGroup = "world";

    private async Task StartWorldAsync(Func<ApiMessage, Task> emit, CancellationToken ct)
    {
        var plan = topology.Plan;
        var made = store.WorldHosts().ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);
        var ordinal = 0;
        foreach (var host in config.ExternalHosts)
        {
            var address = made.TryGetValue(host.Name, out var m) ? m.Address : host.Address ?? plan.World(ordinal);
            ordinal++;
            var netns = naming.World(host.Name);
            if (!Netns.NetworkNamespace.Exists(netns))
            {
                await emit(ApiMessage.Progress("creating world hosts", ordinal, config.ExternalHosts.Count)).ConfigureAwait(false);
                await topology.CreateWorldHostAsync(host.Name, netns, address, ct).ConfigureAwait(false);
            }
            store.PutWorldHost(host.Name, address, netns);
            var result = await workloads.AddAsync(WorldGroup, new WorkloadSpec("world/" + host.Name, netns, host.Name, null,
                [new LabPort("http", 80, LabProtocol.Tcp), new LabPort("https", 443, LabProtocol.Tcp)], [host.Name])).ConfigureAwait(false);
            if (!result.Ok) throw new LabException($"world host {host.Name} could not serve: {result.Message}");
        }
    }

    private IReadOnlyList<ExternalHost> WorldHosts() => [.. store.WorldHosts().Select(h => new ExternalHost([h.Name], h.Address, h.Netns))];

    /// <summary>Stops every process and removes every namespace and file of the lab in the kernel (not the lab's directory).</summary>
    private async Task ShutdownAsync(Func<ApiMessage, Task> emit, CancellationToken ct)
    {
        await StopDnsAsync().ConfigureAwait(false);
        await workloads.StopAllAsync().ConfigureAwait(false);
        await agents.StopAllAsync().ConfigureAwait(false);
        DisposeKernels();
        await emit(ApiMessage.Progress("removing namespaces", 0, 1)).ConfigureAwait(false);
        await LabCleaner.RemoveNamespacesAsync(naming, ct).ConfigureAwait(false);
        await emit(ApiMessage.Progress("removing namespaces", 1, 1)).ConfigureAwait(false);
    }
}
