using k8s.Models;
using Palisade.Engine;
using Palisade.Engine.Cluster;
using Palisade.Lab.State;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Loading;
using Palisade.Policy.Net;
using Palisade.Policy.Yaml;

namespace Palisade.Lab.Connectivity;

/// <summary>
/// The engine for a lab's current state: the applied policies of every dialect over the pods as the lab placed them
/// (their real addresses and nodes) and the lab's nodes (their addresses and labels), so that its predictions are
/// about the very packets a probe sends.
/// </summary>
public static class LabEngine
{
    /// <summary>Builds the engine; the notes are the lowering's warnings (peers that match nothing, and so on).</summary>
    public static (PolicyEngine Engine, IReadOnlyList<Diagnostic> Notes) Build(LabSnapshot snapshot)
    {
        var set = snapshot.Desired.Manifests;
        var placed = snapshot.Records.Where(r => r.Phase != "Pending").ToDictionary(r => r.Key, StringComparer.Ordinal);
        var pods = set.Pods.Where(p => placed.ContainsKey(p.Namespace + "/" + p.Name)).Select(p => WithPlacement(p, placed[p.Namespace + "/" + p.Name])).ToList();
        var source = new SourceRef(new YDocument("<lab>", 0, new YMapping([], 1, 1)), FieldPath.Root);
        var nodes = snapshot.Nodes.Select(n => new Loaded<V1Node>(Node(n, set), source)).ToList();
        var lab = new ManifestSet
        {
            Namespaces = set.Namespaces,
            Pods = pods,
            Services = set.Services,
            Nodes = nodes,
            NetworkPolicies = set.NetworkPolicies,
            CiliumNetworkPolicies = set.CiliumNetworkPolicies,
            CiliumClusterwideNetworkPolicies = set.CiliumClusterwideNetworkPolicies,
            Diagnostics = [],
        };
        return EngineLoader.FromManifests(lab, new ClusterOptions(), Inputs(snapshot));
    }

    /// <summary>
    /// The endpoints of the lab's placed pods, by key, as the engine would make them (for telling which pods changed
    /// between two states without building an engine).
    /// </summary>
    public static IReadOnlyDictionary<string, Endpoint> Endpoints(LabSnapshot snapshot)
    {
        var placed = snapshot.Records.Where(r => r.Phase != "Pending").ToDictionary(r => r.Key, StringComparer.Ordinal);
        return snapshot.Desired.Manifests.Pods
            .Where(p => placed.ContainsKey(p.Namespace + "/" + p.Name))
            .Select(p => (Pod: p, Record: placed[p.Namespace + "/" + p.Name]))
            .Select(x => IpAddressValue.TryParse(x.Record.Ip.ToString(), out var ip) ? ClusterStateBuilder.EndpointOf(x.Pod, ip, x.Record.Node) : null)
            .OfType<Endpoint>()
            .ToDictionary(e => e.Key, StringComparer.Ordinal);
    }

    /// <summary>The namespaces, nodes and Services the engine reads, as one text to compare.</summary>
    public static string OtherInputs(LabSnapshot snapshot) => string.Join("\n", snapshot.Objects
        .Where(o => o.Kind is "Namespace" or "Node" or "Service")
        .OrderBy(o => o.Kind, StringComparer.Ordinal).ThenBy(o => o.Namespace, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)
        .Select(o => $"{o.Kind}/{o.Namespace}/{o.Name}:{o.Json}"));

    /// <summary>The applied policies of every dialect, by <c>kind/namespace/name</c>, as their stored JSON.</summary>
    public static IReadOnlyDictionary<string, (string Kind, string Name, string Json)> PolicyInputs(LabSnapshot snapshot) =>
        snapshot.Policies.ToDictionary(o => $"{o.Kind}/{o.Namespace}/{o.Name}", o => (o.Kind, o.Name, o.Json), StringComparer.Ordinal);

    /// <summary>The lab's policies lowered (what <see cref="PolicyEngine.WithPolicies"/> takes).</summary>
    public static IReadOnlyList<Palisade.Engine.Ir.IrPolicy> LowerPolicies(LabSnapshot snapshot) =>
        EngineLoader.Lower(snapshot.Desired.Manifests, Inputs(snapshot)).Policies;

    /// <summary>What the engine takes besides manifests: the lab-wide audit mode (<c>lab up --audit</c>).</summary>
    private static EngineInputs Inputs(LabSnapshot snapshot) => new() { Engine = new EngineOptions { Audit = snapshot.Config.Audit } };

    /// <summary>
    /// A copy of the pod with its node and address: the replicas of a workload share one spec object as loaded, so the
    /// spec is copied, never written in place (a regression test pins this: both deathstars once landed on one node).
    /// </summary>
    private static LoadedPod WithPlacement(LoadedPod loaded, Store.PodRecord record)
    {
        var pod = k8s.KubernetesJson.Deserialize<V1Pod>(k8s.KubernetesJson.Serialize(loaded.Pod));
        pod.Spec ??= new V1PodSpec();
        pod.Spec.NodeName = record.Node;
        pod.Status = new V1PodStatus { PodIP = record.Ip.ToString(), PodIPs = [new V1PodIP { Ip = record.Ip.ToString() }], Phase = "Running" };
        return loaded with { Pod = pod };
    }

    private static V1Node Node(NodeView node, ManifestSet set)
    {
        var labels = NodeView.DefaultLabels(node.Name);
        foreach (var applied in set.Nodes.Where(n => n.Object.Metadata.Name == node.Name))
        {
            foreach (var (k, v) in applied.Object.Metadata.Labels ?? new Dictionary<string, string>()) labels[k] = v;
        }
        return new V1Node
        {
            ApiVersion = "v1",
            Kind = "Node",
            Metadata = new V1ObjectMeta { Name = node.Name, Labels = labels },
            Status = new V1NodeStatus { Addresses = [new V1NodeAddress { Address = node.Address.ToString(), Type = "InternalIP" }] },
        };
    }
}
