using System.Buffers.Binary;
using System.Text;
using Palisade.Lab.Model;

namespace Palisade.Lab.Services;

/// <summary>
/// Renders the ClusterIP Services of a node as one nft file that replaces <c>table ip palisade-services</c> in a single
/// transaction, in a reduced form of kube-proxy's nftables mode: a <c>service-ips</c> verdict map from
/// ClusterIP . protocol . port to a per-port chain that picks an endpoint with <c>numgen random</c>, per-endpoint chains
/// that mark hairpin traffic for masquerade and DNAT, and a <c>no-endpoint-services</c> set whose new connections are
/// rejected (ICMP port unreachable, so clients see "connection refused"). Headless Services get no rules.
/// </summary>
/// <remarks>
/// The reject chains hook prerouting (for pods) and output (for the node's own processes) at priority dstnat - 10, as
/// kube-proxy's filter chains do: they see the ClusterIP before any DNAT, and in prerouting they act before the routing
/// decision, so a node without a route for the service CIDR still answers "refused" rather than "no route". Reject in
/// prerouting needs Linux 5.9 or later. nft 1.0.6 does not take the name <c>dstnat</c> for the output hook, so output
/// chains use its value (-100) as a number.
/// </remarks>
internal static class ServiceRuleset
{
    /// <summary>The table's name (family ip); policy tables live in tables of their own.</summary>
    public const string Table = "palisade-services";

    /// <summary>The packet mark bit that asks postrouting to masquerade (kube-proxy's default).</summary>
    public const string MasqueradeMark = "0x4000";

    /// <summary>Makes sure the table exists, then deletes it: together they remove it whether or not it was there.</summary>
    private const string DeleteTable = "table ip " + Table + " {\n}\ndelete table ip " + Table + "\n";

    /// <summary>The nft text that replaces the table with the rules for <paramref name="services"/> and their <paramref name="backends"/>.</summary>
    public static string Render(IReadOnlyList<LabService> services, IReadOnlyList<ServiceBackend> backends)
    {
        var ports = ServicePorts(services, backends);
        var text = new StringBuilder(DeleteTable).Append("table ip ").Append(Table).Append(" {\n");
        AppendContainer(text, "set no-endpoint-services", "ipv4_addr . inet_proto . inet_service",
            ports.Where(p => p.Backends.Count == 0).Select(p => p.Key));
        AppendContainer(text, "map service-ips", "ipv4_addr . inet_proto . inet_service : verdict",
            ports.Where(p => p.Backends.Count > 0).Select(p => $"{p.Key} : goto {p.Chain}"));
        AppendFixedChains(text);
        foreach (var port in ports.Where(p => p.Backends.Count > 0)) AppendServicePort(text, port);
        return text.Remove(text.Length - 1, 1).Append("}\n").ToString();   // no blank line after the last chain
    }

    /// <summary>The nft text that removes the table, and does not fail when it is absent.</summary>
    public static string RenderDelete() => DeleteTable;

    private static List<PortRules> ServicePorts(IReadOnlyList<LabService> services, IReadOnlyList<ServiceBackend> backends) =>
        [.. services
            .Where(s => s.ClusterIp is not null)
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .SelectMany(s => s.Ports.OrderBy(p => p.Protocol).ThenBy(p => p.Port).Select(p => new PortRules(s, p, BackendsOf(s, p, backends))))];

    private static List<ServiceBackend> BackendsOf(LabService service, LabServicePort port, IReadOnlyList<ServiceBackend> backends) =>
        [.. backends
            .Where(b => b.ServiceKey == service.Key && b.Port.Protocol == port.Protocol && b.Port.Port == port.Port)
            .DistinctBy(b => (b.PodIp, b.TargetPort))
            .OrderBy(b => BinaryPrimitives.ReadUInt32BigEndian(b.PodIp.GetAddressBytes()))
            .ThenBy(b => b.TargetPort)];

    private static void AppendContainer(StringBuilder text, string declaration, string type, IEnumerable<string> elements)
    {
        text.Append('\t').Append(declaration).Append(" {\n\t\ttype ").Append(type).Append('\n');
        var list = elements.ToList();
        if (list.Count > 0)
        {
            text.Append("\t\telements = {\n");
            foreach (var element in list) text.Append("\t\t\t").Append(element).Append(",\n");
            text.Append("\t\t}\n");
        }
        text.Append("\t}\n\n");
    }

    private static void AppendFixedChains(StringBuilder text)
    {
        const string endpointCheck = "ct state new ip daddr . meta l4proto . th dport @no-endpoint-services reject";
        AppendChain(text, "prerouting", "type nat hook prerouting priority dstnat; policy accept;", "jump services");
        AppendChain(text, "output", "type nat hook output priority -100; policy accept;", "jump services");
        AppendChain(text, "postrouting", "type nat hook postrouting priority srcnat; policy accept;",
            $"meta mark & {MasqueradeMark} == {MasqueradeMark} meta mark set meta mark ^ {MasqueradeMark} masquerade");
        AppendChain(text, "filter-prerouting", "type filter hook prerouting priority dstnat - 10; policy accept;", endpointCheck);
        AppendChain(text, "filter-output", "type filter hook output priority -110; policy accept;", endpointCheck);
        AppendChain(text, "mark-for-masquerade", null, $"meta mark set meta mark | {MasqueradeMark}");
        AppendChain(text, "services", null, "ip daddr . meta l4proto . th dport vmap @service-ips");
    }

    private static void AppendServicePort(StringBuilder text, PortRules port)
    {
        var pick = new StringBuilder($"numgen random mod {port.Backends.Count} vmap {{\n");
        for (var i = 0; i < port.Backends.Count; i++)
        {
            pick.Append("\t\t\t").Append(i).Append(" : goto ").Append(ServiceChainName.ForEndpoint(port.Service, port.Backends[i])).Append(",\n");
        }
        AppendChain(text, port.Chain, null, pick.Append("\t\t}").ToString());
        foreach (var backend in port.Backends)
        {
            AppendChain(text, ServiceChainName.ForEndpoint(port.Service, backend), null,
                $"ip saddr {backend.PodIp} jump mark-for-masquerade",
                $"meta l4proto {NftProtocol.Name(port.Port.Protocol)} dnat to {backend.PodIp}:{backend.TargetPort}");
        }
    }

    private static void AppendChain(StringBuilder text, string name, string? hook, params string[] rules)
    {
        text.Append("\tchain ").Append(name).Append(" {\n");
        if (hook is not null) text.Append("\t\t").Append(hook).Append('\n');
        foreach (var rule in rules) text.Append("\t\t").Append(rule).Append('\n');
        text.Append("\t}\n\n");
    }

    /// <summary>One port of a Service with a ClusterIP, its backends (sorted) and the chain that picks among them.</summary>
    private sealed record PortRules(LabService Service, LabServicePort Port, IReadOnlyList<ServiceBackend> Backends)
    {
        public string Key => $"{Service.ClusterIp} . {NftProtocol.Name(Port.Protocol)} . {Port.Port}";

        public string Chain => ServiceChainName.ForService(Service, Port);
    }
}
