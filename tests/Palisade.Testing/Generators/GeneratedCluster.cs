using k8s;
using k8s.Models;
using Palisade.Testing.Oracle;

namespace Palisade.Testing.Generators;

/// <summary>A randomly generated cluster: namespaces, pods and NetworkPolicies, all valid Kubernetes objects.</summary>
/// <param name="Namespaces">The namespaces (apiVersion v1, kind Namespace).</param>
/// <param name="Pods">The pods (apiVersion v1, kind Pod), each with status.podIP set.</param>
/// <param name="Policies">The NetworkPolicies (apiVersion networking.k8s.io/v1).</param>
public sealed record GeneratedCluster(
    IReadOnlyList<V1Namespace> Namespaces,
    IReadOnlyList<V1Pod> Pods,
    IReadOnlyList<V1NetworkPolicy> Policies)
{
    /// <summary>The oracle's view: namespace labels, pods (IP from status.podIP, named container ports), policies.</summary>
    public OracleCluster ToOracle()
    {
        var namespaceLabels = Namespaces.ToDictionary(
            ns => ns.Metadata.Name,
            ns => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(
                ns.Metadata.Labels ?? new Dictionary<string, string>()));
        return new OracleCluster(namespaceLabels, [.. Pods.Select(ToOraclePod)], Policies);
    }

    /// <summary>All objects as one multi-document YAML stream: namespaces, then pods, then policies, "---" separated.</summary>
    public string ToYaml()
    {
        IEnumerable<object> objects = [.. Namespaces, .. Pods, .. Policies];
        return string.Join("---\n", objects.Select(Document));
    }

    private static string Document(object kubernetesObject)
    {
        var yaml = KubernetesYaml.Serialize(kubernetesObject);
        return yaml.EndsWith('\n') ? yaml : yaml + "\n";
    }

    private static OraclePod ToOraclePod(V1Pod pod)
    {
        var ports = pod.Spec.Containers
            .SelectMany(container => container.Ports ?? [])
            .Where(port => port.Name is not null)
            .Select(port => new OracleNamedPort(port.Name, port.Protocol ?? "TCP", port.ContainerPort))
            .ToList();
        return new OraclePod(
            pod.Metadata.NamespaceProperty,
            pod.Metadata.Name,
            new Dictionary<string, string>(pod.Metadata.Labels ?? new Dictionary<string, string>()),
            pod.Status.PodIP,
            ports,
            pod.Spec.HostNetwork ?? false);
    }
}
