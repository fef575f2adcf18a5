namespace Palisade.Bench.Scale;

/// <summary>
/// The figures of one configuration, measured in its own process. Times are wall-clock milliseconds in a fresh
/// process (so they include JIT compilation, as a CLI run does); memory is the process's peak working set.
/// </summary>
internal sealed record Measurement
{
    public int Pods { get; init; }
    public int ReplicaFactor { get; init; } = 1;
    public int Policies { get; init; }
    public int Namespaces { get; init; }
    public int Identities { get; init; }
    public int Classes { get; init; }
    public long YamlBytes { get; init; }
    public double ParseMs { get; init; }
    public double BuildMs { get; init; }
    public double MatrixMs { get; init; }
    public double AnalyzeMs => ParseMs + BuildMs + MatrixMs;

    /// <summary>CPU time of the whole process (all threads, JIT and GC included) up to the end of the matrix.</summary>
    public double CpuMs { get; init; }
    public long PeakWorkingSetBytes { get; init; }
    public long AllocatedBytes { get; init; }
    public long Cells { get; init; }
    public int NaivePairs { get; init; }
    public double NaiveMicrosPerPair { get; init; }
    public double NaiveAllPairsMs => NaiveMicrosPerPair * Pods * (double)Pods / 1000;
    public int Disagreements { get; init; }
    public int OracleProbes { get; init; }
    public int OracleDisagreements { get; init; }
    public string? FirstDisagreement { get; init; }

    /// <summary>The machine's one-minute load average when the child started (other work on the same cores inflates wall times).</summary>
    public double LoadAverage { get; init; }

    /// <summary>"ok", or why the configuration has no figures (timeout, memory limit, crash).</summary>
    public string Status { get; init; } = "ok";
}
