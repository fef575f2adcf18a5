namespace Palisade.Engine.Tests.Conformance;

/// <summary>
/// The whole pod-to-pod table for some probes. Checked on the reachability matrix, and on <see cref="PolicyEngine.Evaluate"/>
/// flow by flow, which must agree with it.
/// </summary>
internal sealed record MatrixExpectation(IReadOnlyList<Probe> Probes, TruthTable Expected) : Expectation
{
    public override IEnumerable<string> Check(ModelRun run)
    {
        foreach (var probe in Probes)
        {
            var actual = run.Table(probe);
            if (!actual.Equals(Expected))
            {
                var cells = string.Join(", ", Expected.Differences(actual).Select(d => $"{d.From} -> {d.To}"));
                yield return $"{probe}: wrong cells {cells}\nexpected:\n{Expected}actual:\n{actual}";
            }
            var evaluated = run.EvaluatedTable(probe);
            foreach (var (from, to) in actual.Differences(evaluated))
            {
                var verdict = run.Evaluate(from, to, probe);
                yield return $"{probe}: Evaluate disagrees with the matrix on {from} -> {to}: {verdict.Egress.Explain()} / {verdict.Ingress.Explain()}";
            }
        }
    }
}
