namespace Palisade.Lab.Workloads;

/// <summary>What one pod's workload answers: the pod name for generic pods, the deathstar API, or the world's hello line.</summary>
internal sealed class WorkloadResponder(WorkloadKind kind, string podName, string? worldName)
{
    /// <summary>The name in <c>X-Pod-Name</c> and in generic answers.</summary>
    public string PodName { get; } = podName;

    /// <summary>The answer to <paramref name="request"/>.</summary>
    public HttpReply Answer(HttpRequestHead request) => kind switch
    {
        WorkloadKind.Deathstar => DeathstarApi.Answer(request, PodName),
        WorkloadKind.World => HttpReply.Plain(200, worldName + ": hello from the lab's world\n"),
        _ => HttpReply.Plain(200, PodName + "\n"),
    };
}
