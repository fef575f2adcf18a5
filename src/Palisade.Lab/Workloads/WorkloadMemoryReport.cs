using System.Globalization;

namespace Palisade.Lab.Workloads;

/// <summary>
/// The memory of a process serving <see cref="Pods"/> pods: resident set size before the workload host started and
/// while it served them, its thread count then, and how many pods answered both their TCP and UDP port.
/// </summary>
internal sealed record WorkloadMemoryReport(int Pods, long RssBeforeKiB, long RssServingKiB, int ThreadsServing, int Answered)
{
    /// <summary>"100 pods: RSS 40.1 MiB before, 47.3 MiB serving (+7.2 MiB), 21 threads, 100 answered".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Pods} pods: RSS {RssBeforeKiB / 1024.0:F1} MiB before, {RssServingKiB / 1024.0:F1} MiB serving ({(RssServingKiB - RssBeforeKiB) / 1024.0:+0.0;-0.0} MiB), {ThreadsServing} threads, {Answered} answered");
}
