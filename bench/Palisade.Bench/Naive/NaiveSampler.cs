using System.Diagnostics;
using Palisade.Engine.Analysis;
using Palisade.Engine.Cluster;
using Palisade.Engine.Ports;
using Palisade.Testing.Oracle;

namespace Palisade.Bench.Naive;

/// <summary>
/// Times the naive evaluator on uniformly random pod pairs (up to a pair count or a time budget, whichever comes
/// first) and compares every sampled cell with the matrix; on the first pairs it also asks the test oracle itself,
/// port by port, at ports the generated policies use.
/// </summary>
internal static class NaiveSampler
{
    private static readonly (string Protocol, int Port)[] ProbePorts =
    [
        ("TCP", 53), ("UDP", 53), ("TCP", 80), ("TCP", 443), ("TCP", 3000), ("TCP", 5432), ("TCP", 6379), ("TCP", 8080),
        ("TCP", 9000), ("TCP", 9090), ("TCP", 31000), ("UDP", 5050), ("UDP", 8125), ("TCP", 2525), ("SCTP", 8080),
    ];

    public static NaiveSampleResult Run(OracleCluster cluster, OraclePod[] pods, IReadOnlyList<Endpoint> endpoints, ReachabilityMatrix matrix,
        int maxPairs, TimeSpan budget, int oraclePairs, int seed)
    {
        var rng = new Random(seed);
        var naive = new NaiveEvaluator(cluster);
        var pairs = Enumerable.Range(0, maxPairs).Select(_ => (rng.Next(pods.Length), rng.Next(pods.Length))).ToArray();
        var results = new List<PortIntervals>(maxPairs);
        var clock = Stopwatch.StartNew();
        foreach (var (s, d) in pairs)
        {
            results.Add(naive.Allowed(pods[s], pods[d]));
            if (clock.Elapsed > budget) break;
        }
        var micros = clock.Elapsed.TotalMicroseconds / results.Count;
        var (disagreements, first) = Compare(pairs, results, endpoints, matrix);
        var (probes, oracleDisagreements) = Probe(cluster, pods, pairs.Take(Math.Min(oraclePairs, results.Count)), endpoints, matrix);
        return new NaiveSampleResult(results.Count, micros, disagreements, probes, oracleDisagreements, first);
    }

    private static (int Count, string? First) Compare((int, int)[] pairs, List<PortIntervals> results, IReadOnlyList<Endpoint> endpoints, ReachabilityMatrix matrix)
    {
        var count = 0;
        string? first = null;
        for (var i = 0; i < results.Count; i++)
        {
            var (s, d) = pairs[i];
            var cell = matrix.Get(endpoints[s], endpoints[d]);
            if (results[i].SameAs(cell.Ranges.Select(r => (ProtocolNames.Name(r.Protocol), r.From, r.To)))) continue;
            count++;
            first ??= $"{endpoints[s]} -> {endpoints[d]}: matrix {cell}, naive {results[i]}";
        }
        return (count, first);
    }

    private static (int Probes, int Disagreements) Probe(OracleCluster cluster, OraclePod[] pods, IEnumerable<(int, int)> pairs, IReadOnlyList<Endpoint> endpoints, ReachabilityMatrix matrix)
    {
        var probes = 0;
        var disagreements = 0;
        foreach (var (s, d) in pairs)
        {
            foreach (var (protocol, port) in ProbePorts)
            {
                ProtocolNames.TryParse(protocol, out var proto);
                probes++;
                if (NetworkPolicyOracle.Allows(cluster, pods[s], pods[d], protocol, port) != matrix.Allows(endpoints[s], endpoints[d], proto, port)) disagreements++;
            }
        }
        return (probes, disagreements);
    }
}
