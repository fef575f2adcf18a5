namespace Palisade.Bench.Naive;

/// <summary>What sampling the naive evaluator found: its cost per pair and how often it disagreed with the matrix.</summary>
internal sealed record NaiveSampleResult(int Pairs, double MicrosPerPair, int Disagreements, int OracleProbes, int OracleDisagreements, string? FirstDisagreement);
