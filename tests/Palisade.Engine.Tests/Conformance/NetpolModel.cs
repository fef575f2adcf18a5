using System.Collections.Immutable;
using System.Text;

namespace Palisade.Engine.Tests.Conformance;

/// <summary>
/// The upstream Kubernetes e2e network-policy model (test/e2e/network/netpol): namespaces x, y, z labelled ns=x, ...;
/// pods a, b, c in each, labelled pod=a, ..., each serving 80 and 81 on TCP, UDP and SCTP from one container per port
/// (cont-80-tcp, port name serve-80-tcp, ...). Pods have fixed addresses 10.244.0.1 (x/a) to 10.244.0.9 (z/c), the
/// ones the engine would assign in (namespace, name) order. Names and label values are quoted in the YAML: a bare
/// <c>y</c> is a boolean in YAML 1.1, which Kubernetes manifests follow (so policies here write <c>ns: "y"</c>). Immutable: every change returns a new model, which is
/// how scenarios step through policy and label updates.
/// </summary>
internal sealed record NetpolModel(
    ImmutableList<(string Name, ImmutableSortedDictionary<string, string> Labels)> Namespaces,
    ImmutableList<ModelPod> Pods,
    ImmutableList<ModelPolicy> Policies,
    bool DeclareNamespaces = true)
{
    /// <summary>The address host-network pods get: their node's.</summary>
    public const string NodeIp = "172.18.0.10";

    /// <summary>The model's namespaces.</summary>
    public static readonly string[] NamespaceNames = ["x", "y", "z"];

    /// <summary>The model's pod names within each namespace.</summary>
    public static readonly string[] PodNames = ["a", "b", "c"];

    /// <summary>Every pod key in table order: x/a, x/b, x/c, y/a, ..., z/c.</summary>
    public static readonly IReadOnlyList<string> PodKeys = [.. NamespaceNames.SelectMany(ns => PodNames.Select(p => $"{ns}/{p}"))];

    /// <summary>The model without any policy.</summary>
    public static NetpolModel Default { get; } = new(
        [.. NamespaceNames.Select(ns => (ns, Labels(("ns", ns))))],
        [.. PodKeys.Select((key, i) => UpstreamPod(key, $"10.244.0.{i + 1}"))],
        []);

    /// <summary>The model plus <paramref name="policies"/> (a policy of the same namespace and name is replaced).</summary>
    public NetpolModel With(params ModelPolicy[] policies) =>
        this with { Policies = policies.Aggregate(Policies, (list, p) => list.RemoveAll(q => q.Namespace == p.Namespace && q.Name == p.Name).Add(p)) };

    /// <summary>The model without the policy <c>namespace/name</c>.</summary>
    public NetpolModel Without(string policyKey)
    {
        Assert.Contains(Policies, p => $"{p.Namespace}/{p.Name}" == policyKey);
        return this with { Policies = Policies.RemoveAll(p => $"{p.Namespace}/{p.Name}" == policyKey) };
    }

    /// <summary>The model with pod <paramref name="key"/> carrying exactly <paramref name="labels"/>.</summary>
    public NetpolModel WithPodLabels(string key, params (string Key, string Value)[] labels) =>
        Change(key, pod => pod with { Labels = Labels(labels) });

    /// <summary>The model with namespace <paramref name="name"/> carrying exactly <paramref name="labels"/>.</summary>
    public NetpolModel WithNamespaceLabels(string name, params (string Key, string Value)[] labels)
    {
        var index = Namespaces.FindIndex(n => n.Name == name);
        Assert.True(index >= 0, $"no namespace {name}");
        return this with { Namespaces = Namespaces.SetItem(index, (name, Labels(labels))) };
    }

    /// <summary>The model with pod <paramref name="key"/>'s <paramref name="protocol"/> port <paramref name="port"/> named <paramref name="name"/>.</summary>
    public NetpolModel WithPortName(string key, int port, string protocol, string name) =>
        Change(key, pod => pod with { Ports = pod.Ports.Replace(pod.Ports.Single(p => p.Port == port && p.Protocol == protocol), new ModelPort(port, protocol, name)) });

    /// <summary>The model with pod <paramref name="key"/> on the host network of node-1 (address <see cref="NodeIp"/>).</summary>
    public NetpolModel WithHostNetwork(string key) => Change(key, pod => pod with { HostNetwork = true, Ip = NodeIp });

    /// <summary>The model without its Namespace documents: the namespaces exist implicitly, labelled only with their name.</summary>
    public NetpolModel WithoutNamespaceDocuments() => this with { DeclareNamespaces = false };

    /// <summary>The whole model as one multi-document YAML stream.</summary>
    public string ToYaml()
    {
        var documents = Namespaces.Where(_ => DeclareNamespaces).Select(n => NamespaceYaml(n.Name, n.Labels))
            .Concat(Pods.Any(p => p.HostNetwork) ? [NodeYaml()] : [])
            .Concat(Pods.Select(PodYaml))
            .Concat(Policies.Select(p => p.ToYaml()));
        return string.Join("---\n", documents);
    }

    /// <summary>A sorted label map.</summary>
    public static ImmutableSortedDictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToImmutableSortedDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

    private NetpolModel Change(string key, Func<ModelPod, ModelPod> change)
    {
        var index = Pods.FindIndex(p => p.Key == key);
        Assert.True(index >= 0, $"no pod {key}");
        return this with { Pods = Pods.SetItem(index, change(Pods[index])) };
    }

    private static ModelPod UpstreamPod(string key, string ip)
    {
        var (ns, name) = (key.Split('/')[0], key.Split('/')[1]);
        ImmutableList<ModelPort> ports = [.. new[] { 80, 81 }.SelectMany(port => new[] { "TCP", "UDP", "SCTP" }.Select(proto => ModelPort.Upstream(port, proto)))];
        return new ModelPod(ns, name, Labels(("pod", name)), ports, ip);
    }

    private static string FlowMap(IEnumerable<KeyValuePair<string, string>> labels) =>
        "{" + string.Join(", ", labels.Select(kv => $"{kv.Key}: \"{kv.Value}\"")) + "}";

    private static string NamespaceYaml(string name, ImmutableSortedDictionary<string, string> labels) =>
        $"apiVersion: v1\nkind: Namespace\nmetadata: {{name: \"{name}\", labels: {FlowMap(labels)}}}\n";

    private static string NodeYaml() =>
        $"apiVersion: v1\nkind: Node\nmetadata: {{name: node-1}}\nstatus: {{addresses: [{{type: InternalIP, address: {NodeIp}}}]}}\n";

    private static string PodYaml(ModelPod pod)
    {
        var yaml = new StringBuilder()
            .Append("apiVersion: v1\nkind: Pod\n")
            .Append($"metadata: {{name: \"{pod.Name}\", namespace: \"{pod.Namespace}\", labels: {FlowMap(pod.Labels)}}}\n")
            .Append("spec:\n");
        if (pod.HostNetwork) yaml.Append("  hostNetwork: true\n  nodeName: node-1\n");
        yaml.Append("  containers:\n");
        foreach (var port in pod.Ports)
        {
            yaml.Append($"  - name: {port.ContainerName}\n    image: registry.k8s.io/e2e-test-images/agnhost:2.53\n")
                .Append($"    ports: [{{containerPort: {port.Port}, name: {port.Name}, protocol: {port.Protocol}}}]\n");
        }
        return yaml.Append($"status: {{podIP: {pod.Ip}}}\n").ToString();
    }
}
