namespace Palisade.Lab.Workloads;

/// <summary>
/// The answer of the workload host to one command: <c>ready</c> (with the ports served and skipped), <c>failed</c>
/// (with the error) or <c>removed</c>.
/// </summary>
internal sealed record WorkloadEvent(string Event, string? Key, IReadOnlyList<string>? Ports = null, IReadOnlyList<string>? Skipped = null, string? Error = null)
{
    /// <summary>The event of an added pod: ready when every port is served or knowingly skipped, else failed with the ports that are not.</summary>
    public static WorkloadEvent Added(WorkloadStatus status) => status.Ready
        ? new("ready", status.Key, [.. status.Served.Select(WorkloadStatus.Describe)], [.. status.Skipped.Select(s => s.ToString())])
        : Failed(status.Key, string.Join("; ", status.Failed));

    /// <summary>The event of a removed pod (also when it was not served).</summary>
    public static WorkloadEvent Removed(string key) => new("removed", key);

    /// <summary>The event of a command that failed.</summary>
    public static WorkloadEvent Failed(string? key, string error) => new("failed", key, Error: error);
}
