namespace Palisade.Lab.Workloads;

/// <summary>A command of the workload host's protocol: <c>{"op":"add","spec":{...}}</c> or <c>{"op":"remove","key":"ns/name"}</c>.</summary>
internal sealed record WorkloadCommand(string Op, WorkloadSpec? Spec = null, string? Key = null);
