using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Palisade.Lab.Model;

namespace Palisade.Lab.Dns;

/// <summary>
/// A <see cref="DnsZoneSnapshot"/> indexed for lookups: built once per snapshot and never changed afterwards, so a
/// server can swap a whole index in one reference write. Names and keys match case-insensitively.
/// </summary>
internal sealed class DnsZoneIndex
{
    /// <summary>TTL of every record under the cluster domain (CoreDNS's kubernetes plugin default), and the SOA's negative TTL.</summary>
    public const int ClusterTtl = 5;

    /// <summary>TTL of a world host's address record.</summary>
    public const int ExternalTtl = 30;

    private readonly Dictionary<string, LabService> services = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<IPAddress>> endpoints = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> namespaces = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> podAddresses = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ExternalHost> externalHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] domainLabels;

    /// <summary>Indexes <paramref name="zone"/>; <paramref name="serial"/> becomes the SOA serial.</summary>
    /// <exception cref="LabException">The cluster domain is empty, or two world hosts claim the same name.</exception>
    public DnsZoneIndex(DnsZoneSnapshot zone, uint serial)
    {
        domainLabels = zone.ClusterDomain.Trim('.').ToLowerInvariant().Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (domainLabels.Length == 0) throw new LabException("the cluster domain is empty; give one such as cluster.local");
        Soa = new SoaRecord(Name(), ClusterTtl, Name("ns", "dns"), Name("hostmaster"), serial, 7200, 1800, 86400, ClusterTtl);
        foreach (var service in zone.Services) IndexService(service);
        foreach (var (key, addresses) in zone.ServiceEndpoints) endpoints[key] = [.. addresses];
        foreach (var pod in zone.Pods) IndexPod(pod);
        foreach (var host in zone.ExternalHosts) IndexExternalHost(host);
    }

    /// <summary>The zone's SOA record (owner: the cluster domain), as CoreDNS builds it.</summary>
    public SoaRecord Soa { get; }

    /// <summary>The name <paramref name="labels"/> followed by the cluster domain.</summary>
    public DomainName Name(params string[] labels) => new([.. labels, .. domainLabels]);

    /// <summary>
    /// True when <paramref name="labels"/> (lower case) name the cluster domain or a name under it;
    /// <paramref name="relative"/> is then what stands before the domain.
    /// </summary>
    public bool IsInClusterDomain(string[] labels, out string[] relative)
    {
        var prefix = labels.Length - domainLabels.Length;
        relative = prefix >= 0 ? labels[..prefix] : [];
        return prefix >= 0 && labels.AsSpan(prefix).SequenceEqual(domainLabels);
    }

    /// <summary>True when a Service or a pod lives in namespace <paramref name="ns"/>.</summary>
    public bool HasNamespace(string ns) => namespaces.Contains(ns);

    /// <summary>The Service <paramref name="ns"/>/<paramref name="name"/>, when there is one.</summary>
    public LabService? FindService(string ns, string name) => services.GetValueOrDefault(ns + "/" + name);

    /// <summary>The ready endpoint addresses of <paramref name="service"/> (none when the snapshot lists none).</summary>
    public IReadOnlyList<IPAddress> EndpointsOf(LabService service) => endpoints.GetValueOrDefault(service.Key) ?? [];

    /// <summary>True when a pod of namespace <paramref name="ns"/> has address <paramref name="address"/> ("pods verified").</summary>
    public bool HasPod(string ns, IPAddress address) => podAddresses.Contains(PodKey(ns, address));

    /// <summary>The world host named <paramref name="name"/> (without trailing dot), when there is one.</summary>
    public ExternalHost? FindExternalHost(string name) => externalHosts.GetValueOrDefault(name);

    private void IndexService(LabService service)
    {
        services[service.Key] = service;
        namespaces.Add(service.Namespace);
    }

    private void IndexPod(LabPod pod)
    {
        namespaces.Add(pod.Namespace);
        podAddresses.Add(PodKey(pod.Namespace, pod.Ip));
    }

    private void IndexExternalHost(ExternalHost host)
    {
        foreach (var name in host.Names.Select(n => n.TrimEnd('.')))
        {
            if (externalHosts.TryGetValue(name, out var other) && other != host)
            {
                throw new LabException($"the world hosts {other.Netns} and {host.Netns} both claim the name {name}; give each DNS name to one host");
            }
            externalHosts[name] = host;
        }
    }

    private static string PodKey(string ns, IPAddress address) => ns + "/" + address;
}
