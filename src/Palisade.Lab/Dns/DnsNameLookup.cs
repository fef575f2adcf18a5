using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Palisade.Lab.Model;

namespace Palisade.Lab.Dns;

/// <summary>
/// Decides what exists at a queried name, with the semantics of CoreDNS's kubernetes plugin ("pods verified"):
/// <c>SVC.NS.svc.DOMAIN</c> is the ClusterIP, or one address per ready endpoint for a headless Service (NXDOMAIN when
/// it has none); <c>ENDPOINT.SVC.NS.svc.DOMAIN</c> is one ready endpoint named by its dashed address;
/// <c>_PORT._PROTO.SVC.NS.svc.DOMAIN</c> holds SRV records for a named port; <c>A-B-C-D.NS.pod.DOMAIN</c> exists only
/// when a pod of that namespace has the address; namespaces and the svc and pod labels exist without records.
/// </summary>
internal static class DnsNameLookup
{
    /// <summary>Looks up <paramref name="name"/> (any case, as the client sent it) in <paramref name="zone"/>.</summary>
    public static DnsLookup Lookup(DnsZoneIndex zone, DomainName name)
    {
        var labels = name.Labels.Select(l => l.ToLowerInvariant()).ToArray();
        if (zone.IsInClusterDomain(labels, out var relative)) return Cluster(zone, name, relative);
        if (zone.FindExternalHost(string.Join('.', labels)) is { } host)
        {
            return new DnsLookup(DnsNameScope.External, true, [Address(name, host.Address, DnsZoneIndex.ExternalTtl)], []);
        }
        // The lab has no upstream resolver (its pods have no internet): every other name does not exist.
        return DnsLookup.Outside;
    }

    /// <summary>The dashed form of an address used in pod and endpoint names (10.0.0.1 -> 10-0-0-1).</summary>
    private static string Dashed(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork ? address.ToString().Replace('.', '-') : address.ToString().Replace(':', '-');

    private static DnsLookup Cluster(DnsZoneIndex zone, DomainName name, string[] relative) => relative switch
    {
        [] => DnsLookup.Cluster([zone.Soa]),
        ["svc" or "pod"] => DnsLookup.ClusterEmpty,
        [var ns, "svc" or "pod"] => zone.HasNamespace(ns) ? DnsLookup.ClusterEmpty : DnsLookup.ClusterNxDomain,
        [var service, var ns, "svc"] => Service(zone, name, zone.FindService(ns, service)),
        [var endpoint, var service, var ns, "svc"] => Endpoint(zone, name, endpoint, zone.FindService(ns, service)),
        [var port, var protocol, var service, var ns, "svc"] => Srv(zone, name, port, protocol, zone.FindService(ns, service)),
        [var address, var ns, "pod"] => Pod(zone, name, address, ns),
        _ => DnsLookup.ClusterNxDomain,
    };

    private static DnsLookup Service(DnsZoneIndex zone, DomainName name, LabService? service)
    {
        if (service is null) return DnsLookup.ClusterNxDomain;
        IReadOnlyList<IPAddress> addresses = service.ClusterIp is { } ip ? [ip] : zone.EndpointsOf(service);
        return addresses.Count == 0 ? DnsLookup.ClusterNxDomain : DnsLookup.Cluster(addresses.Select(a => Address(name, a, DnsZoneIndex.ClusterTtl)));
    }

    private static DnsLookup Endpoint(DnsZoneIndex zone, DomainName name, string endpoint, LabService? service)
    {
        var address = service is null ? null : zone.EndpointsOf(service).FirstOrDefault(a => Dashed(a) == endpoint);
        return address is null ? DnsLookup.ClusterNxDomain : DnsLookup.Cluster([Address(name, address, DnsZoneIndex.ClusterTtl)]);
    }

    private static DnsLookup Srv(DnsZoneIndex zone, DomainName name, string port, string protocol, LabService? service)
    {
        var servicePort = service?.Ports.FirstOrDefault(p => IsSrvLabel(port, p.Name) && IsSrvLabel(protocol, ProtocolLabel(p.Protocol)));
        if (service is null || servicePort is null) return DnsLookup.ClusterNxDomain;
        var serviceName = zone.Name(service.Name, service.Namespace, "svc");
        if (service.ClusterIp is { } ip)
        {
            return DnsLookup.Cluster([SrvRecord(name, 100, servicePort, serviceName)], [Address(serviceName, ip, DnsZoneIndex.ClusterTtl)]);
        }
        var targets = zone.EndpointsOf(service).Select(a => (Address: a, Name: zone.Name(Dashed(a), service.Name, service.Namespace, "svc"))).ToList();
        if (targets.Count == 0) return DnsLookup.ClusterNxDomain;
        var weight = (ushort)(100 / targets.Count);   // CoreDNS spreads a weight of 100 over the records of one priority
        return DnsLookup.Cluster(
            targets.Select(t => SrvRecord(name, weight, servicePort, t.Name)),
            targets.Select(t => Address(t.Name, t.Address, DnsZoneIndex.ClusterTtl)));
    }

    private static DnsLookup Pod(DnsZoneIndex zone, DomainName name, string dashed, string ns)
    {
        var address = ParseDashed(dashed);
        return address is not null && zone.HasPod(ns, address)
            ? DnsLookup.Cluster([Address(name, address, DnsZoneIndex.ClusterTtl)])
            : DnsLookup.ClusterNxDomain;
    }

    /// <summary>The address a dashed label names, only in its canonical spelling (no leading zeros, no short forms).</summary>
    private static IPAddress? ParseDashed(string dashed)
    {
        foreach (var text in (string[])[dashed.Replace('-', '.'), dashed.Replace('-', ':')])
        {
            if (IPAddress.TryParse(text, out var address) && Dashed(address) == dashed) return address;
        }
        return null;
    }

    private static bool IsSrvLabel(string label, string? value) =>
        value is not null && label.StartsWith('_') && label[1..].Equals(value, StringComparison.OrdinalIgnoreCase);

    private static string ProtocolLabel(LabProtocol protocol) => protocol.ToString().ToLowerInvariant();

    private static SrvRecord SrvRecord(DomainName name, ushort weight, LabServicePort port, DomainName target) =>
        new(name, DnsZoneIndex.ClusterTtl, 0, weight, (ushort)port.Port, target);

    private static DnsRecordBase Address(DomainName name, IPAddress address, int ttl) =>
        address.AddressFamily == AddressFamily.InterNetwork ? new ARecord(name, ttl, address) : new AaaaRecord(name, ttl, address);
}
