using Palisade.Lab.Model;

namespace Palisade.Lab.Workloads;

/// <summary>
/// What the workload host serves for one pod: the ports it listens on, the ports it skipped because this machine cannot
/// serve their protocol (SCTP without kernel support), and the ports that failed to bind.
/// </summary>
internal sealed record WorkloadStatus(
    string Key,
    IReadOnlyList<LabPort> Served,
    IReadOnlyList<PortProblem> Skipped,
    IReadOnlyList<PortProblem> Failed)
{
    /// <summary>True when every port the pod needs is served or knowingly skipped.</summary>
    public bool Ready => Failed.Count == 0;

    /// <summary>"80/TCP".</summary>
    public static string Describe(LabPort port) => port.Port + "/" + port.Protocol.ToString().ToUpperInvariant();
}
