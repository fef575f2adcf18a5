using Palisade.Lab.Model;

namespace Palisade.Lab.Workloads;

/// <summary>A port the workload does not serve, and why (e.g. "address already in use", or no SCTP in this kernel).</summary>
internal sealed record PortProblem(LabPort Port, string Reason)
{
    /// <summary>"36412/SCTP: reason".</summary>
    public override string ToString() => WorkloadStatus.Describe(Port) + ": " + Reason;
}
