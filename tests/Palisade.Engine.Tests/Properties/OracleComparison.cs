using System.Text;
using Palisade.Engine.Analysis;
using Palisade.Engine.Cluster;
using Palisade.Engine.Tests.Support;
using Palisade.Engine.Verdicts;
using Palisade.Testing.Generators;
using Palisade.Testing.Oracle;

namespace Palisade.Engine.Tests.Properties;

/// <summary>
/// Compares the engine with the independent oracle on one generated cluster: every pod pair and probe port through the
/// reachability matrix, every outside address in both directions through <see cref="PolicyEngine.Evaluate"/>, and
/// <see cref="PolicyEngine.Evaluate"/> against the matrix on a sample of pod cells. Every disagreement is collected
/// and reported with the YAML that reproduces it.
/// </summary>
internal sealed class OracleComparison
{
    private readonly string _yaml;
    private readonly PolicyEngine _engine;
    private readonly ReachabilityMatrix _matrix;
    private readonly IReadOnlyList<OraclePod> _pods;
    private readonly OracleAllows _allows;
    private readonly List<string> _problems = [];

    /// <summary>An oracle's verdict for one connection; either side may be an outside address (pod null).</summary>
    public delegate bool OracleAllows(OraclePod? src, string srcIp, OraclePod? dst, string dstIp, string protocol, int port);

    private OracleComparison(string yaml, ClusterOptions options, IReadOnlyList<OraclePod> pods, OracleAllows allows)
    {
        _yaml = yaml;
        _pods = pods;
        _allows = allows;
        try
        {
            _engine = Engines.FromYaml(_yaml, options);
            _matrix = ReachabilityMatrix.Compute(_engine);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"loading or building the engine threw: {e}\n--- cluster ---\n{_yaml}");
        }
    }

    /// <summary>
    /// Every disagreement between the engine built from <paramref name="yaml"/> and an oracle over
    /// <paramref name="pods"/> (empty when they agree everywhere).
    /// </summary>
    public static IReadOnlyList<string> Problems(string yaml, ClusterOptions options, IReadOnlyList<OraclePod> pods, OracleAllows allows)
    {
        var comparison = new OracleComparison(yaml, options, pods, allows);
        try
        {
            comparison.ComparePodPairs();
            comparison.CompareOutsideAddresses();
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            comparison._problems.Add($"the engine threw: {e}");
        }
        return comparison._problems;
    }

    /// <summary>Fails with the first disagreements and the YAML that reproduces them, when there are any.</summary>
    public static void ThrowIfAny(IReadOnlyList<string> problems, string oracleName, string yaml)
    {
        if (problems.Count == 0) return;
        var message = new StringBuilder()
            .AppendLine($"engine and {oracleName} disagree on {problems.Count} cell(s):")
            .AppendJoin('\n', problems.Take(20)).AppendLine()
            .AppendLine("--- cluster (load with ManifestLoader.LoadText to reproduce) ---")
            .Append(yaml);
        throw new Xunit.Sdk.XunitException(message.ToString());
    }

    /// <summary>Fails, printing the YAML and every disagreeing cell, when the engine and the oracle differ anywhere.</summary>
    public static void Check(GeneratedCluster cluster) => Check(cluster, new ClusterOptions());

    /// <inheritdoc cref="Check(GeneratedCluster)"/>
    public static void Check(GeneratedCluster cluster, ClusterOptions options)
    {
        var oracle = cluster.ToOracle();
        if (options.HostNetwork == HostNetworkMode.Enforced) oracle = oracle with { Pods = [.. oracle.Pods.Select(p => p with { HostNetwork = false })] };
        var yaml = cluster.ToYaml();
        ThrowIfAny(Problems(yaml, options, oracle.Pods, (s, si, d, di, proto, port) => NetworkPolicyOracle.Allows(oracle, s, si, d, di, proto, port)), "oracle", yaml);
    }

    /// <summary>A one-line summary for CsCheck's report; the failure message itself holds the YAML.</summary>
    public static string Summary(GeneratedCluster cluster) =>
        $"{cluster.Namespaces.Count} namespace(s), {cluster.Pods.Count} pod(s), {cluster.Policies.Count} policy(ies); YAML in the message below";

    private void ComparePodPairs()
    {
        var cell = 0;
        foreach (var src in _pods)
        {
            foreach (var dst in _pods)
            {
                ComparePair(src, dst, cell++);
            }
        }
    }

    private void ComparePair(OraclePod src, OraclePod dst, int cell)
    {
        var source = _engine.Pod($"{src.Namespace}/{src.Name}");
        var destination = _engine.Pod($"{dst.Namespace}/{dst.Name}");
        for (var i = 0; i < ClusterGen.ProbePorts.Count; i++)
        {
            var (protocol, port) = ClusterGen.ProbePorts[i];
            var expected = _allows(src, src.Ip, dst, dst.Ip, protocol, port);
            var actual = _matrix.Allows(source, destination, Engines.Protocol(protocol), port);
            var flow = new FlowQuery(source, source.PrimaryAddress, destination, destination.PrimaryAddress, Engines.Protocol(protocol), port);
            if (actual != expected) Report("matrix", flow, actual, expected);
            else if ((cell + i) % 3 == 0) CompareEvaluate(flow, actual);
        }
    }

    private void CompareEvaluate(FlowQuery flow, bool matrix)
    {
        var verdict = _engine.Evaluate(flow);
        if (verdict.Allowed != matrix)
        {
            _problems.Add($"{flow}: Evaluate says {Word(verdict.Allowed)} but the matrix says {Word(matrix)}\n{Explain(verdict)}");
        }
    }

    private void CompareOutsideAddresses()
    {
        foreach (var text in ClusterGen.OutsideIps.Where(ip => _pods.All(p => p.Ip != ip)))
        {
            var address = Engines.Ip(text);
            foreach (var pod in _pods)
            {
                var endpoint = _engine.Pod($"{pod.Namespace}/{pod.Name}");
                foreach (var (protocol, port) in ClusterGen.ProbePorts)
                {
                    var proto = Engines.Protocol(protocol);
                    CompareFlow(new FlowQuery(null, address, endpoint, endpoint.PrimaryAddress, proto, port),
                        _allows(null, text, pod, pod.Ip, protocol, port));
                    CompareFlow(new FlowQuery(endpoint, endpoint.PrimaryAddress, null, address, proto, port),
                        _allows(pod, pod.Ip, null, text, protocol, port));
                }
            }
        }
    }

    private void CompareFlow(FlowQuery flow, bool expected)
    {
        var actual = _engine.Evaluate(flow).Allowed;
        if (actual != expected) Report("Evaluate", flow, actual, expected);
    }

    private void Report(string what, FlowQuery flow, bool actual, bool expected)
    {
        _problems.Add($"{flow}: engine ({what}) says {Word(actual)}, oracle says {Word(expected)}\n{Explain(_engine.Evaluate(flow))}");
    }

    private static string Explain(Verdict verdict) =>
        $"    egress:  {verdict.Egress.Explain()}\n    ingress: {verdict.Ingress.Explain()}";

    private static string Word(bool allowed) => allowed ? "ALLOW" : "DENY";
}
