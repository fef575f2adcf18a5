using System.Diagnostics;
using System.Text.Json;
using Palisade.Bench.Naive;
using Palisade.Engine;
using Palisade.Engine.Analysis;
using Palisade.Policy.Loading;

namespace Palisade.Bench.Scale;

/// <summary>
/// The hidden sub-command a child process runs: reads one generated cluster from disk, runs the analyze pipeline
/// (parse, engine build, matrix) with a stopwatch around each step, records the peak working set, then samples the
/// naive evaluator and cross-checks it against the matrix. Prints one JSON line prefixed with <see cref="Prefix"/>.
/// </summary>
internal static class RunOneCommand
{
    public const string Name = "__run-one";
    public const string Prefix = "RESULT ";

    public static int Run(string path, int naivePairs, double naiveSeconds, int oraclePairs)
    {
        var clock = Stopwatch.StartNew();
        var set = ManifestLoader.Load(ManifestFiles.Read([path], TextReader.Null, new Palisade.Policy.Diagnostics.DiagnosticBag()));
        var parse = clock.Elapsed;
        if (set.HasErrors) throw new InvalidDataException("generated YAML has errors: " + string.Join("\n", set.Diagnostics.Take(5)));
        clock.Restart();
        var engine = EngineLoader.FromManifests(set);
        var build = clock.Elapsed;
        clock.Restart();
        var matrix = ReachabilityMatrix.Compute(engine);
        var compute = clock.Elapsed;
        using var self = Process.GetCurrentProcess();
        var peak = self.PeakWorkingSet64;
        var cpu = self.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var (oracle, pods) = OracleView.Of(set, engine.Cluster);
        var sample = NaiveSampler.Run(oracle, pods, engine.Cluster.Endpoints, matrix, naivePairs, TimeSpan.FromSeconds(naiveSeconds), oraclePairs, seed: 7);
        var m = new Measurement
        {
            Pods = engine.Cluster.Endpoints.Count,
            Policies = set.NetworkPolicies.Count,
            Namespaces = engine.Cluster.Namespaces.Count,
            Identities = engine.Identities.All.Count,
            Classes = engine.Classes.Count,
            YamlBytes = new FileInfo(path).Length,
            ParseMs = parse.TotalMilliseconds,
            BuildMs = build.TotalMilliseconds,
            MatrixMs = compute.TotalMilliseconds,
            CpuMs = cpu.TotalMilliseconds,
            PeakWorkingSetBytes = peak,
            AllocatedBytes = allocated,
            Cells = matrix.CellCount,
            NaivePairs = sample.Pairs,
            NaiveMicrosPerPair = sample.MicrosPerPair,
            Disagreements = sample.Disagreements,
            OracleProbes = sample.OracleProbes,
            OracleDisagreements = sample.OracleDisagreements,
            FirstDisagreement = sample.FirstDisagreement,
        };
        Console.WriteLine(Prefix + JsonSerializer.Serialize(m));
        GC.KeepAlive(matrix);
        return 0;
    }
}
