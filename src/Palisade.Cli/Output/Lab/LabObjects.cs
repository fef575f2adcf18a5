using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Palisade.Lab.State;

namespace Palisade.Cli.Output.Lab;

/// <summary>The lab's objects as the Kubernetes API returns them (a <c>List</c>), with the status the lab observed.</summary>
internal static class LabObjects
{
    public static JsonNode Pods(LabSnapshot snapshot, string? ns)
    {
        var byKey = snapshot.Desired.Manifests.Pods.ToDictionary(p => p.Namespace + "/" + p.Name, p => p.Pod);
        return List(snapshot.Pods.Where(p => ns is null || p.Spec.Namespace == ns).Select(p =>
        {
            var pod = KubernetesJson.Deserialize<V1Pod>(KubernetesJson.Serialize(byKey[p.Spec.Key]));
            var r = p.Record;
            var placed = r is { Phase: not "Pending" };
            if (placed) pod.Spec.NodeName = r!.Node;
            var node = placed ? snapshot.Nodes.FirstOrDefault(n => n.Name == r!.Node) : null;
            pod.Status = new V1PodStatus
            {
                Phase = r?.Phase is "Running" ? "Running" : "Pending",
                PodIP = placed ? r!.Ip.ToString() : null,
                PodIPs = placed ? [new V1PodIP { Ip = r!.Ip.ToString() }] : null,
                HostIP = node?.Address.ToString(),
                StartTime = r?.Created.UtcDateTime,
                Message = r?.Message,
                ContainerStatuses = [.. (pod.Spec.Containers ?? []).Select(c => new V1ContainerStatus { Name = c.Name, Image = c.Image, ImageID = "", Ready = r?.Ready ?? false, RestartCount = r?.Restarts ?? 0 })],
            };
            return JsonNode.Parse(KubernetesJson.Serialize(pod))!;
        }));
    }

    public static JsonNode Services(LabSnapshot snapshot, string? ns)
    {
        var ips = snapshot.Services.ToDictionary(s => s.Key, s => s.ClusterIp);
        return List(snapshot.Desired.Manifests.Services.Select(s => s.Object).Where(s => ns is null || s.Metadata.NamespaceProperty == ns).Select(s =>
        {
            var copy = KubernetesJson.Deserialize<V1Service>(KubernetesJson.Serialize(s));
            copy.Spec ??= new V1ServiceSpec();
            copy.Spec.Type ??= "ClusterIP";
            var ip = ips.GetValueOrDefault(s.Metadata.NamespaceProperty + "/" + s.Metadata.Name);
            copy.Spec.ClusterIP = ip?.ToString() ?? "None";
            copy.Spec.ClusterIPs = [copy.Spec.ClusterIP];
            return JsonNode.Parse(KubernetesJson.Serialize(copy))!;
        }));
    }

    public static JsonNode Nodes(LabSnapshot snapshot) => List(snapshot.Nodes.Select(n => JsonNode.Parse(KubernetesJson.Serialize(new V1Node
    {
        ApiVersion = "v1",
        Kind = "Node",
        Metadata = new V1ObjectMeta { Name = n.Name, Labels = NodeView.DefaultLabels(n.Name) },
        Spec = new V1NodeSpec { PodCIDR = n.PodBlock.ToString(), PodCIDRs = [n.PodBlock.ToString()] },
        Status = new V1NodeStatus { Addresses = [new V1NodeAddress { Address = n.Address.ToString(), Type = "InternalIP" }, new V1NodeAddress { Address = n.Name, Type = "Hostname" }] },
    }))!));

    public static JsonNode List(IEnumerable<JsonNode> items) => new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "List",
        ["items"] = new JsonArray([.. items]),
        ["metadata"] = new JsonObject { ["resourceVersion"] = "" },
    };

    public static string ToYaml(JsonNode node) => new YamlDotNet.Serialization.SerializerBuilder().Build().Serialize(ToPlain(node));

    private static object? ToPlain(JsonNode? node) => node switch
    {
        JsonObject o => o.ToDictionary(kv => kv.Key, kv => ToPlain(kv.Value)),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
            System.Text.Json.JsonValueKind.True => true,
            System.Text.Json.JsonValueKind.False => false,
            System.Text.Json.JsonValueKind.Number => long.TryParse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out var l) ? l : double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        },
        _ => null,
    };
}
