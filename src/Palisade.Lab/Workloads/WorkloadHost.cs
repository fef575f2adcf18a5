using System.Collections.Concurrent;
using Palisade.Lab.Tls;

namespace Palisade.Lab.Workloads;

/// <summary>
/// The built-in workload of every pod of one lab node, served by one process: each pod's listening sockets are made
/// inside the pod's network namespace and served asynchronously from the thread pool (no thread per pod or connection).
/// World hosts get their HTTPS certificate from <paramref name="authority"/>, which the host uses but does not own.
/// </summary>
internal sealed class WorkloadHost(LabCertificateAuthority? authority = null, WorkloadTimeouts? timeouts = null) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, PodWorkload> pods = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim changes = new(1, 1);
    private bool disposed;

    /// <summary>
    /// Serves the pod of <paramref name="spec"/>. Adding a pod again with the same spec changes nothing (unless some of
    /// its ports had failed, then it tries again); with a different spec its workload is replaced.
    /// </summary>
    /// <returns>The ports served, skipped and failed.</returns>
    /// <exception cref="LabException">The pod's namespace does not exist, or a world host needs a CA this host lacks.</exception>
    public async Task<WorkloadStatus> AddAsync(WorkloadSpec spec)
    {
        await changes.WaitAsync().ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (pods.TryGetValue(spec.Key, out var existing))
            {
                if (existing.Spec.Equals(spec) && existing.Status.Ready) return existing.Status;
                pods.TryRemove(spec.Key, out _);
                await existing.DisposeAsync().ConfigureAwait(false);
            }
            var pod = PodWorkload.Start(spec, authority, timeouts ?? WorkloadTimeouts.Default);
            pods[spec.Key] = pod;
            return pod.Status;
        }
        finally
        {
            changes.Release();
        }
    }

    /// <summary>Stops serving pod <paramref name="key"/>: closes its sockets and open connections; false when it was not served.</summary>
    public async Task<bool> RemoveAsync(string key)
    {
        await changes.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!pods.TryRemove(key, out var pod)) return false;
            await pod.DisposeAsync().ConfigureAwait(false);
            return true;
        }
        finally
        {
            changes.Release();
        }
    }

    /// <summary>What is served for pod <paramref name="key"/>, or null when it is not served.</summary>
    public WorkloadStatus? StatusOf(string key) => pods.TryGetValue(key, out var pod) ? pod.Status : null;

    /// <summary>Closes every pod's sockets and connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await changes.WaitAsync().ConfigureAwait(false);
        try
        {
            if (disposed) return;
            disposed = true;
            foreach (var pod in pods.Values) await pod.DisposeAsync().ConfigureAwait(false);
            pods.Clear();
        }
        finally
        {
            changes.Release();
        }
    }
}
