using System.Globalization;
using CsCheck;
using k8s.Models;

namespace Palisade.Testing.Generators;

/// <summary>Generates pods with labels, named container ports and unique IPs.</summary>
public static class PodGen
{
    /// <summary>The last octets pod IPs are drawn from: chosen around the ipBlock boundaries the policies use.</summary>
    private static readonly int[] Octets = [1, 5, 10, 15, 16, 63, 64, 100, 127, 128, 129, 200, 201, 254];

    /// <summary>Container port vocabulary; "http" and "dns" mean different numbers on different pods.</summary>
    private static readonly (string Name, int Port, string Protocol)[] PortVocabulary =
    [
        ("http", 80, "TCP"), ("metrics", 81, "TCP"), ("dns", 53, "UDP"), ("dns", 80, "UDP"),
        ("http-alt", 8080, "TCP"), ("sctp", 81, "SCTP"), ("http", 8080, "TCP"),
    ];

    /// <summary>
    /// 1–maxPods pods (apiVersion v1, kind Pod) spread over the given namespaces, named p0, p1, … per namespace,
    /// each with a unique status.podIP (10.0.0.0/24, sometimes 10.0.1.0/24; 172.18.0.0/24 for hostNetwork pods).
    /// </summary>
    public static Gen<V1Pod[]> Pods(IReadOnlyList<string> namespaces, ClusterGenOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxPods, Octets.Length);
        var hostNetwork = Gen.Int[0, 14].Select(roll => options.HostNetworkPods && roll == 0);
        var pod = Gen.Select(
            Gen.Int[0, namespaces.Count - 1],
            LabelGen.Labels(LabelGen.PodVocabulary),
            hostNetwork,
            Gen.Int[0, PortVocabulary.Length - 1].Array[0, 3],
            Gen.Int[0, Octets.Length - 1],
            Gen.Int[0, 3],
            Gen.Bool,
            (ns, labels, host, ports, octet, subnet, omitTcp) =>
                Pod(namespaces[ns], labels, host, ContainerPorts(ports, host, omitTcp), Ip(host, subnet, octet)));
        return pod.Array[1, options.MaxPods].Select(Assemble);
    }

    private static string Ip(bool hostNetwork, int subnet, int octet)
    {
        var prefix = hostNetwork ? "172.18.0" : subnet == 0 ? "10.0.1" : "10.0.0";
        return $"{prefix}.{Octets[octet]}";
    }

    private static List<V1ContainerPort>? ContainerPorts(int[] picks, bool hostNetwork, bool omitTcp)
    {
        var chosen = new List<(string Name, int Port, string Protocol)>();
        foreach (var candidate in picks.Select(pick => PortVocabulary[pick]))
        {
            if (!chosen.Any(c => c.Name == candidate.Name || (c.Port == candidate.Port && c.Protocol == candidate.Protocol)))
            {
                chosen.Add(candidate);
            }
        }

        return chosen.Count == 0 ? null : chosen.Select(port => new V1ContainerPort
        {
            Name = port.Name,
            ContainerPort = port.Port,
            HostPort = hostNetwork ? port.Port : null,
            Protocol = omitTcp && port.Protocol == "TCP" ? null : port.Protocol,
        }).ToList();
    }

    private static V1Pod Pod(
        string ns, Dictionary<string, string> labels, bool hostNetwork, List<V1ContainerPort>? ports, string ip)
    {
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta { NamespaceProperty = ns, Labels = labels.Count > 0 ? labels : null },
            Spec = new V1PodSpec
            {
                HostNetwork = hostNetwork ? true : null,
                Containers = [new V1Container { Name = "c", Image = "agnhost", Ports = ports }],
            },
            Status = new V1PodStatus { PodIP = ip, PodIPs = [new V1PodIP { Ip = ip }] },
        };
    }

    /// <summary>Names the pods p0, p1, … per namespace and moves clashing IPs to the next free octet.</summary>
    private static V1Pod[] Assemble(V1Pod[] pods)
    {
        Naming.NameWithinNamespaces(pods.Select(pod => pod.Metadata), "p");
        var usedOctets = new HashSet<int>();
        foreach (var pod in pods)
        {
            MoveToFreeOctet(pod, usedOctets);
        }

        return pods;
    }

    private static void MoveToFreeOctet(V1Pod pod, HashSet<int> usedOctets)
    {
        var ip = pod.Status.PodIP;
        var dot = ip.LastIndexOf('.');
        var index = Array.IndexOf(Octets, int.Parse(ip[(dot + 1)..], CultureInfo.InvariantCulture));
        while (!usedOctets.Add(Octets[index]))
        {
            index = (index + 1) % Octets.Length;
        }

        var freeIp = $"{ip[..dot]}.{Octets[index]}";
        pod.Status.PodIP = freeIp;
        pod.Status.PodIPs = [new V1PodIP { Ip = freeIp }];
    }
}
