using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Palisade.Bench.Micro;

/// <summary>
/// The micro benchmarks' configuration: a short job (3 warm-ups, 5 iterations — the machine has 2 cores and a run of
/// every class should take minutes, not an hour), allocations measured, ratios against each class's baseline.
/// </summary>
internal sealed class MicroConfig : ManualConfig
{
    public MicroConfig()
    {
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(5).WithLaunchCount(1));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
