using System.Net;
using Palisade.Lab.Dns;
using Palisade.Lab.Model;
using Palisade.Lab.Services;
using Palisade.Lab.State;
using Palisade.Lab.Store;

namespace Palisade.Lab.Controller;

/// <summary>Services (ClusterIPs, address translation in every node) and the cluster DNS.</summary>
public sealed partial class LabController
{
    private readonly global::System.Collections.Concurrent.ConcurrentDictionary<string, LabDnsServer> dnsServers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> appliedServiceTables = new(StringComparer.Ordinal);
    private DnsZoneSnapshot? zone;

    private async Task SyncServicesAndDnsAsync(DesiredState desired)
    {
        var services = AllocateClusterIps(desired);
        var pods = LabPods(desired);
        var ready = store.Pods().Where(p => p.Ready).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var byService = services.ToDictionary(s => s.Key, s => ServiceEndpoints.Compute(s, pods, p => ready.Contains(p.Key)));
        var backends = byService.Values.SelectMany(b => b).ToList();
        var text = ServiceRuleset.Render(services, backends);
        foreach (var node in nodeBase)
        {
            if (appliedServiceTables.TryGetValue(node.Name, out var previous) && previous == text) continue;
            await ApplyToNodeAsync(node.Name, node.Netns, "services", text).ConfigureAwait(false);
            appliedServiceTables[node.Name] = text;
        }
        zone = new DnsZoneSnapshot
        {
            Services = services,
            ServiceEndpoints = services.Where(s => s.ClusterIp is null).ToDictionary(
                s => s.Key, s => (IReadOnlyList<IPAddress>)[.. byService[s.Key].Select(b => b.PodIp).Distinct()]),
            Pods = pods,
            ExternalHosts = WorldHosts(),
        };
        foreach (var server in dnsServers.Values) server.Update(zone);
    }

    private List<LabService> AllocateClusterIps(DesiredState desired)
    {
        var existing = store.ServiceIps();
        var allocator = new ClusterIpAllocator(config.ServiceCidr, existing.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!));
        var wanted = desired.Manifests.Services.Select(s => s.Object).ToList();
        foreach (var gone in existing.Keys.Where(k => !wanted.Any(w => Key(w) == k)))
        {
            allocator.Release(gone);
            var parts = gone.Split('/', 2);
            store.DeleteService(parts[0], parts[1]);
        }
        var ips = new Dictionary<string, IPAddress?>(StringComparer.Ordinal);
        foreach (var s in wanted)
        {
            var key = Key(s);
            var ip = allocator.Allocate(key, s.Spec?.ClusterIP);
            ips[key] = ip;
            store.PutService(s.Metadata.NamespaceProperty, s.Metadata.Name, ip);
        }
        return [.. desired.Services(ips)];
    }

    private static string Key(k8s.Models.V1Service s) => s.Metadata.NamespaceProperty + "/" + s.Metadata.Name;

    private async Task<(bool Ready, string? Message)> StartDnsPodAsync(PodRecord record)
    {
        await StopDnsPodAsync(record.Key).ConfigureAwait(false);
        var server = LabDnsServer.Start(record.Netns, new IPEndPoint(IPAddress.Any, 53), zone ?? new DnsZoneSnapshot());
        dnsServers[record.Key] = server;
        return (true, null);
    }

    private async Task StopDnsPodAsync(string key)
    {
        if (!dnsServers.TryRemove(key, out var server)) return;
        await server.DisposeAsync().ConfigureAwait(false);
    }

    private async Task StopDnsAsync()
    {
        foreach (var key in dnsServers.Keys.ToList()) await StopDnsPodAsync(key).ConfigureAwait(false);
    }
}
