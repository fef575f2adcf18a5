using System.Net;
using Palisade.Lab.Api;
using Palisade.Lab.State;
using Palisade.Lab.Store;
using Palisade.Lab.Topology;
using Palisade.Lab.Workloads;

namespace Palisade.Lab.Controller;

/// <summary>
/// The per-lab controller: the only writer of the lab's store, it makes the kernel and the lab's processes match the
/// desired state (pods' namespaces and workloads, Services' address translation, DNS) and answers the CLI on its
/// socket. Every change goes through <see cref="ReconcileAsync"/>, which can always run again from scratch: after a
/// restart of the controller it adopts what exists and repairs what is missing.
/// </summary>
public sealed partial class LabController : IAsyncDisposable
{
    private readonly LabPaths paths;
    private readonly LabStore store;
    private readonly LabConfig config;
    private readonly LabNaming naming;
    private readonly LabTopology topology;
    private readonly IReadOnlyList<NodeView> nodeBase;
    private readonly WorkloadSupervisor workloads;
    private readonly Agents.AgentSupervisor agents;
    private readonly TimeProvider clock;

    /// <summary>The lab's shape, as <c>lab up</c> stored it.</summary>
    public LabConfig Config => config;

    /// <summary>Opens lab <paramref name="paths"/>'s store (made by <c>lab up</c>).</summary>
    public LabController(LabPaths paths, TimeProvider? clock = null)
    {
        this.paths = paths;
        this.clock = clock ?? TimeProvider.System;
        store = LabStore.Open(paths.StateDb);
        config = store.Config;
        naming = new LabNaming(paths.Name);
        topology = new LabTopology(config, naming);
        nodeBase = [.. topology.Nodes().Select(n => new NodeView(n.Name, n.Index, new Dictionary<string, string>(), topology.Plan.Node(n.Index), topology.Plan.PodBlock(n.Index), naming.Node(n.Name)))];
        agents = new Agents.AgentSupervisor(paths, store, [.. nodeBase.Select(n => n.Name)]);
        workloads = new WorkloadSupervisor(paths, OnWorkloadProcessRestarted, (group, pid) => store.PutProcess("workload:" + group, pid));
    }

    /// <summary>The lab's store (for the CLI's reads in-process and for tests).</summary>
    public LabStore Store => store;

    /// <summary>Makes what is missing (fabric, nodes, world hosts) and reconciles the stored state.</summary>
    public async Task StartAsync(Func<ApiMessage, Task> emit, CancellationToken ct)
    {
        store.PutProcess("controller", Environment.ProcessId);
        using (var authority = Tls.LabCertificateAuthority.LoadOrCreate(paths.CaDirectory))
        {
            authority.WriteTrustBundle(Path.Combine(paths.CaDirectory, "ca-bundle.crt"));
        }
        if (!Netns.NetworkNamespace.Exists(naming.Fabric))
        {
            await emit(ApiMessage.Progress("creating nodes", 0, config.Nodes)).ConfigureAwait(false);
            await topology.CreateNodesAsync(ct).ConfigureAwait(false);
        }
        await StartWorldAsync(emit, ct).ConfigureAwait(false);
        await ReconcileAsync(emit, ct).ConfigureAwait(false);
    }

    /// <summary>Handles one API request.</summary>
    public async Task HandleAsync(ApiRequest request, Func<ApiMessage, Task> emit, CancellationToken ct)
    {
        switch (request.Verb)
        {
            case "apply": await ApplyAsync(request.Objects ?? [], emit, ct).ConfigureAwait(false); break;
            case "delete": await DeleteAsync(request.Objects ?? [], emit, ct).ConfigureAwait(false); break;
            case "start": await StartAsync(emit, ct).ConfigureAwait(false); break;
            case "status": await emit(ApiMessage.Line($"controller pid {Environment.ProcessId}")).ConfigureAwait(false); break;
            case "shutdown":
                await ShutdownAsync(emit, ct).ConfigureAwait(false);
                ShutdownRequested.TrySetResult();
                break;
            default: throw new LabException($"unknown request {request.Verb}");
        }
        await emit(ApiMessage.Result(true)).ConfigureAwait(false);
    }

    /// <summary>Completes when a client asked the controller to tear the lab down and exit.</summary>
    public TaskCompletionSource ShutdownRequested { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task ApplyAsync(IReadOnlyList<ApiObject> objects, Func<ApiMessage, Task> emit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var incoming = objects.Select(o => new StoredObject(o.ApiVersion, o.Kind, o.Namespace, o.Name, o.Json ?? "{}", now, false)).ToList();
        var merged = store.Objects().Where(s => !incoming.Any(i => Same(i, s))).Concat(incoming).ToList();
        _ = DesiredState.Load(merged);   // refuse before writing anything when the result would not load
        var lines = new List<string>();
        store.InTransaction(() =>
        {
            foreach (var o in incoming)
            {
                var created = store.PutObject(o);
                lines.Add($"{DisplayName(o)} {(created switch { true => "created", false => "configured", null => "unchanged" })}");
            }
        });
        foreach (var line in lines) await emit(ApiMessage.Line(line)).ConfigureAwait(false);
        await ReconcileAsync(emit, ct).ConfigureAwait(false);
    }

    private async Task DeleteAsync(IReadOnlyList<ApiObject> objects, Func<ApiMessage, Task> emit, CancellationToken ct)
    {
        var lines = new List<string>();
        store.InTransaction(() =>
        {
            foreach (var o in objects)
            {
                var stored = new StoredObject(o.ApiVersion, o.Kind, o.Namespace, o.Name, "", clock.GetUtcNow(), false);
                lines.Add(store.DeleteObject(o.Kind, o.Namespace, o.Name)
                    ? $"{DisplayName(stored)} deleted"
                    : $"Error from server (NotFound): {o.Kind.ToLowerInvariant()} \"{o.Name}\" not found");
            }
        });
        foreach (var line in lines) await emit(ApiMessage.Line(line)).ConfigureAwait(false);
        await ReconcileAsync(emit, ct).ConfigureAwait(false);
    }

    private static bool Same(StoredObject a, StoredObject b) => a.Kind == b.Kind && a.Namespace == b.Namespace && a.Name == b.Name;

    private static string DisplayName(StoredObject o) =>
        Policy.Loading.ManifestObject.DisplayNameOf(o.ApiVersion, o.Kind, o.Name);

    private IReadOnlyList<NodeView> Nodes(DesiredState desired) =>
        [.. nodeBase.Select(n => n with { Labels = NodeLabels(n.Name, desired) })];

    private static Dictionary<string, string> NodeLabels(string node, DesiredState desired)
    {
        var labels = NodeView.DefaultLabels(node);
        foreach (var n in desired.Manifests.Nodes.Where(n => n.Object.Metadata.Name == node))
        {
            foreach (var (k, v) in n.Object.Metadata.Labels ?? new Dictionary<string, string>()) labels[k] = v;
        }
        return labels;
    }

    /// <summary>The address of the cluster DNS Service (the service range's tenth address).</summary>
    public static IPAddress DnsServiceAddress(LabConfig config) => AddressPlan.Offset(config.ServiceCidr.BaseAddress, 10);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await workloads.DisposeAsync().ConfigureAwait(false);
        await StopDnsAsync().ConfigureAwait(false);
        DisposeKernels();
        store.PutProcess("controller", null);
        store.Dispose();
    }
}
