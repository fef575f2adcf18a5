using k8s.Models;
using Palisade.Engine.Labels;
using Palisade.Engine.Ports;
using Palisade.Policy.Loading;
using Palisade.Policy.Net;
using Palisade.Policy.Validation;

namespace Palisade.Engine.Cluster;

/// <summary>
/// Turns loaded manifests into <see cref="ClusterState"/>. Addresses come from status.podIP(s) when given;
/// otherwise they are assigned from the pod CIDR in (namespace, name) order, skipping addresses already taken,
/// so the same input always yields the same addresses whatever the order of its objects. A pod annotated
/// <c>policy.palisade.dev/mode: audit</c> is in audit mode; the loader rejects other values than audit and enforce,
/// and a pod that did not go through it with another value is enforced.
/// </summary>
public static class ClusterStateBuilder
{
    /// <summary>Builds the state of <paramref name="manifests"/>.</summary>
    public static ClusterState Build(ManifestSet manifests, ClusterOptions? options = null)
    {
        options ??= new ClusterOptions();
        var namespaces = manifests.Namespaces
            .Select(n => new NamespaceInfo(n.Object.Metadata.Name, new LabelSet(n.Object.Metadata.Labels), n.Object.Kind is null))
            .OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        var nodes = BuildNodes(manifests.Nodes, options);
        var pods = manifests.Pods.OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var allocator = new AddressAllocator(options.PodCidr, pods.SelectMany(p => DeclaredAddresses(p.Pod)));
        var nodeAddresses = nodes.ToDictionary(n => n.Name, n => n.Address, StringComparer.Ordinal);
        var endpoints = pods.Select(p => ToEndpoint(p, allocator, nodeAddresses, options)).ToList();
        return new ClusterState(namespaces, endpoints, nodes, options);
    }

    /// <summary>
    /// The endpoint one more pod would be, from its declared addresses (it must have one: nothing is allocated), for
    /// asking an engine built without it what it would be (<see cref="PolicyEngine.TryClassOf"/>); null without an address.
    /// </summary>
    public static Endpoint? EndpointOf(LoadedPod loaded, ClusterOptions? options = null)
    {
        var pod = loaded.Pod;
        var addresses = DeclaredAddresses(pod).ToList();
        if (addresses.Count == 0) return null;
        return Make(loaded, addresses, loaded.Pod.Spec?.NodeName, options ?? new ClusterOptions());
    }

    /// <summary>The endpoint of a pod placed on <paramref name="node"/> with <paramref name="address"/>, whatever its manifest declares.</summary>
    public static Endpoint EndpointOf(LoadedPod loaded, IpAddressValue address, string node, ClusterOptions? options = null) =>
        Make(loaded, [address], node, options ?? new ClusterOptions());

    private static List<NodeInfo> BuildNodes(IReadOnlyList<Loaded<V1Node>> nodes, ClusterOptions options)
    {
        var declared = nodes.SelectMany(n => n.Object.Status?.Addresses ?? []).Select(a => IpAddressValue.TryParse(a.Address, out var ip) ? ip : (IpAddressValue?)null).OfType<IpAddressValue>();
        var allocator = new AddressAllocator(options.NodeCidr, declared);
        return nodes.OrderBy(n => n.Object.Metadata.Name, StringComparer.Ordinal).Select(n => new NodeInfo(
            n.Object.Metadata.Name,
            new LabelSet(n.Object.Metadata.Labels),
            NodeAddress(n.Object) ?? allocator.Next())).ToList();
    }

    private static IpAddressValue? NodeAddress(V1Node node) =>
        (node.Status?.Addresses ?? []).Where(a => a.Type == "InternalIP")
            .Select(a => IpAddressValue.TryParse(a.Address, out var ip) ? ip : (IpAddressValue?)null).FirstOrDefault(a => a is not null);

    private static Endpoint ToEndpoint(LoadedPod loaded, AddressAllocator allocator, Dictionary<string, IpAddressValue> nodes, ClusterOptions options)
    {
        var pod = loaded.Pod;
        var hostNetwork = pod.Spec?.HostNetwork == true;
        var addresses = DeclaredAddresses(pod).ToList();
        if (addresses.Count == 0)
        {
            addresses.Add(hostNetwork && pod.Spec?.NodeName is { } n && nodes.TryGetValue(n, out var nodeIp) ? nodeIp : allocator.Next());
        }
        return Make(loaded, addresses, pod.Spec?.NodeName, options);
    }

    private static Endpoint Make(LoadedPod loaded, List<IpAddressValue> addresses, string? node, ClusterOptions options)
    {
        var pod = loaded.Pod;
        return new Endpoint(
            loaded.Namespace,
            loaded.Name,
            new LabelSet(pod.Metadata.Labels),
            addresses,
            NamedPorts(pod),
            pod.Spec?.ServiceAccountName ?? pod.Spec?.ServiceAccount ?? "default",
            node,
            pod.Spec?.HostNetwork == true && options.HostNetwork == HostNetworkMode.Exempt,
            loaded.Workload)
        {
            Audit = PolicyModeAnnotation.IsAudit(pod.Metadata.Annotations),
        };
    }

    private static IEnumerable<IpAddressValue> DeclaredAddresses(V1Pod pod)
    {
        var texts = (pod.Status?.PodIPs ?? []).Select(p => p.Ip).Prepend(pod.Status?.PodIP).OfType<string>().Distinct(StringComparer.Ordinal);
        foreach (var t in texts)
        {
            if (IpAddressValue.TryParse(t, out var ip)) yield return ip;
        }
    }

    private static List<NamedPort> NamedPorts(V1Pod pod) =>
        (pod.Spec?.Containers ?? []).Concat(pod.Spec?.InitContainers ?? [])
            .SelectMany(c => c.Ports ?? [])
            .Where(p => !string.IsNullOrEmpty(p.Name))
            .Select(p => new NamedPort(p.Name, ProtocolNames.TryParse(p.Protocol ?? "TCP", out var proto) ? proto : Protocol.Tcp, p.ContainerPort))
            .ToList();
}
