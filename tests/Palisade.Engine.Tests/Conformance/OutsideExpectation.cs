using Palisade.Engine.Verdicts;

namespace Palisade.Engine.Tests.Conformance;

/// <summary>
/// Connections between an outside address (no pod's) and every pod, for some probes: <see cref="Inbound"/> from the
/// address to each pod, otherwise from each pod to the address. <see cref="Row"/> holds one mark per pod in table order.
/// </summary>
internal sealed record OutsideExpectation(string Ip, bool Inbound, IReadOnlyList<Probe> Probes, string Row) : Expectation
{
    public override IEnumerable<string> Check(ModelRun run)
    {
        var marks = Row.Where(c => !char.IsWhiteSpace(c)).ToArray();
        Assert.True(marks.Length == NetpolModel.PodKeys.Count && marks.All(c => c is '.' or 'X'), $"an outside row needs 9 of '.' or 'X': \"{Row}\"");
        foreach (var probe in Probes)
        {
            var actual = NetpolModel.PodKeys.Select(pod => Decide(run, pod, probe).Allowed ? '.' : 'X').ToArray();
            if (actual.SequenceEqual(marks)) continue;
            var direction = Inbound ? $"from {Ip} to" : $"to {Ip} from";
            yield return $"{probe} {direction} x/a..z/c: expected {Format(marks)}, actual {Format(actual)}";
        }
    }

    private Verdict Decide(ModelRun run, string pod, Probe probe) =>
        Inbound ? run.FromOutside(Ip, pod, probe) : run.ToOutside(pod, Ip, probe);

    private static string Format(char[] marks) => $"{new string(marks[..3])} {new string(marks[3..6])} {new string(marks[6..])}";
}
