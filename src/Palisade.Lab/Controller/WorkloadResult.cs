namespace Palisade.Lab.Controller;

/// <summary>What a workload process answered for a pod: served (with notes such as skipped SCTP ports) or failed.</summary>
public sealed record WorkloadResult(bool Ok, string? Message);
