using Palisade.Lab.Api;
using Palisade.Lab.Dns;
using Palisade.Lab.Model;
using Palisade.Lab.State;
using Palisade.Lab.Store;
using Palisade.Lab.Topology;
using Palisade.Lab.Workloads;

namespace Palisade.Lab.Controller;

/// <summary>Pods: placement, namespaces and veths, resolv.conf, workloads.</summary>
public sealed partial class LabController
{
    private const int Parallelism = 4;

    /// <summary>
    /// Makes the kernel and the processes match the stored objects: removes pods that are no longer desired (or whose
    /// namespace vanished), makes new ones, restarts workloads whose image or ports changed, then Services and DNS.
    /// </summary>
    public async Task ReconcileAsync(Func<ApiMessage, Task> emit, CancellationToken ct)
    {
        var desired = DesiredState.Load(store.Objects());
        var nodes = Nodes(desired);
        var wanted = desired.Pods.ToDictionary(p => p.Key);
        foreach (var pending in store.Pods().Where(p => p.Phase == "Pending")) store.DeletePod(pending.Namespace, pending.Name);
        var records = store.Pods().ToDictionary(p => p.Key);
        var stale = records.Values.Where(r => !wanted.ContainsKey(r.Key) || !Netns.NetworkNamespace.Exists(r.Netns) || !nodes.Any(n => n.Name == r.Node)).ToList();
        await RemovePodsAsync(stale, emit, ct).ConfigureAwait(false);
        foreach (var r in stale) records.Remove(r.Key);

        var placement = new Placement(nodes, records.Values);
        var toCreate = desired.Pods.Where(p => !records.ContainsKey(p.Key)).ToList();
        await CreatePodsAsync(toCreate, placement, emit, ct).ConfigureAwait(false);
        await SyncEnforcementAsync(desired, emit, ct).ConfigureAwait(false);
        await SyncWorkloadsAsync(desired, emit, ct).ConfigureAwait(false);
        await SyncServicesAndDnsAsync(desired).ConfigureAwait(false);
    }

    private async Task RemovePodsAsync(IReadOnlyList<PodRecord> pods, Func<ApiMessage, Task> emit, CancellationToken ct)
    {
        var done = 0;
        await Parallel.ForEachAsync(pods, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (pod, token) =>
        {
            await StopPodWorkloadAsync(pod).ConfigureAwait(false);
            await LabTopology.DeletePodAsync(pod.Netns, token).ConfigureAwait(false);
            ResolvConf.Delete(pod.Netns);
            store.DeletePod(pod.Namespace, pod.Name);
            await emit(ApiMessage.Progress("deleting pods", Interlocked.Increment(ref done), pods.Count)).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task CreatePodsAsync(IReadOnlyList<PodSpecView> pods, Placement placement, Func<ApiMessage, Task> emit, CancellationToken ct)
    {
        var planned = new List<(PodSpecView Spec, PodRecord Record)>();
        foreach (var spec in pods)
        {
            var (node, address, reason) = placement.Place(spec);
            var now = clock.GetUtcNow();
            if (node is null || address is null)
            {
                // Unschedulable: no namespace, shown by `get pods` as Pending with the scheduler's kind of reason.
                store.PutPod(new PodRecord(spec.Namespace, spec.Name, "", global::System.Net.IPAddress.Any, "", "Pending", false, 0, "", reason, now));
                continue;
            }
            var record = new PodRecord(spec.Namespace, spec.Name, node.Name, address, naming.Pod(spec.Namespace, spec.Name), "ContainerCreating", false, 0, "", null, now);
            store.PutPod(record);
            planned.Add((spec, record));
        }
        var done = 0;
        await Parallel.ForEachAsync(planned, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (p, token) =>
        {
            await topology.CreatePodAsync(p.Record.Node, p.Spec.Key, p.Record.Netns, p.Record.Ip, token).ConfigureAwait(false);
            await ResolvConf.WriteAsync(p.Record.Netns, ResolvConf.Render(p.Spec.Namespace, DnsServiceAddress(config))).ConfigureAwait(false);
            await emit(ApiMessage.Progress("creating pods", Interlocked.Increment(ref done), planned.Count)).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task SyncWorkloadsAsync(DesiredState desired, Func<ApiMessage, Task> emit, CancellationToken ct)
    {
        var specs = desired.Pods.ToDictionary(p => p.Key);
        var records = store.Pods().Where(p => p.Phase != "Pending").ToList();
        await Parallel.ForEachAsync(records, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (record, _) =>
        {
            var spec = specs[record.Key];
            if (record.SpecHash == spec.WorkloadHash && record.Phase == "Running" && workloads.IsServing(record.Node, record.Key)) return;
            var (ready, message) = await StartPodWorkloadAsync(record, spec).ConfigureAwait(false);
            store.PutPod(record with { Phase = "Running", Ready = ready, SpecHash = spec.WorkloadHash, Message = message });
            // Said loudly, once per change: a port the lab cannot serve (SCTP without kernel support, a bind failure).
            if (message is not null) await emit(ApiMessage.Line($"warning: pod {record.Key}: {message}")).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task<(bool Ready, string? Message)> StartPodWorkloadAsync(PodRecord record, PodSpecView spec)
    {
        if (DemoImages.IsCoreDns(spec.Image)) return await StartDnsPodAsync(record).ConfigureAwait(false);
        var result = await workloads.AddAsync(record.Node, new WorkloadSpec(record.Key, record.Netns, record.Name, spec.Image, spec.Ports, null)).ConfigureAwait(false);
        return (result.Ok, result.Message);
    }

    private async Task StopPodWorkloadAsync(PodRecord pod)
    {
        await StopDnsPodAsync(pod.Key).ConfigureAwait(false);
        await workloads.RemoveAsync(pod.Node, pod.Key).ConfigureAwait(false);
    }

    private void OnWorkloadProcessRestarted(string group, IReadOnlyCollection<string> keys)
    {
        // One transaction: the read and the write of the count happen with no other statement between them.
        store.InTransaction(() =>
        {
            foreach (var pod in store.Pods().Where(p => keys.Contains(p.Key))) store.PutPod(pod with { Restarts = pod.Restarts + 1 });
        });
    }

    /// <summary>The pods as the lab runs them (placed ones only).</summary>
    private IReadOnlyList<LabPod> LabPods(DesiredState desired)
    {
        var specs = desired.Pods.ToDictionary(p => p.Key);
        return [.. store.Pods().Where(r => r.Phase != "Pending" && specs.ContainsKey(r.Key)).Select(r =>
        {
            var s = specs[r.Key];
            return new LabPod(r.Namespace, r.Name, r.Node, r.Ip, r.Netns, s.Labels, s.Ports, s.Image);
        })];
    }
}
