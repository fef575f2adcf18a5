using Palisade.Engine.Analysis;
using Palisade.Engine.Cluster;
using Palisade.Engine.Tests.Support;
using Palisade.Engine.Verdicts;

namespace Palisade.Engine.Tests.Conformance;

/// <summary>A model loaded the way the CLI loads manifests (YAML → loader → engine) with its reachability matrix.</summary>
internal sealed class ModelRun
{
    private ModelRun(NetpolModel model, PolicyEngine engine)
    {
        Model = model;
        Engine = engine;
        Matrix = ReachabilityMatrix.Compute(engine);
    }

    public NetpolModel Model { get; }

    public PolicyEngine Engine { get; }

    public ReachabilityMatrix Matrix { get; }

    /// <summary>Loads <paramref name="model"/>; fails on any load error.</summary>
    public static ModelRun Of(NetpolModel model, ClusterOptions? options = null) => new(model, Engines.FromYaml(model.ToYaml(), options));

    /// <summary>The 9×9 table of <paramref name="probe"/> read from the matrix.</summary>
    public TruthTable Table(Probe probe) =>
        TruthTable.From((from, to) => Matrix.Allows(Engine.Pod(from), Engine.Pod(to), probe.Protocol, probe.Port));

    /// <summary>The 9×9 table of <paramref name="probe"/> decided flow by flow with <see cref="PolicyEngine.Evaluate"/>.</summary>
    public TruthTable EvaluatedTable(Probe probe) => TruthTable.From((from, to) => Evaluate(from, to, probe).Allowed);

    /// <summary>The verdict for pod <paramref name="from"/> connecting to pod <paramref name="to"/>.</summary>
    public Verdict Evaluate(string from, string to, Probe probe)
    {
        var (s, d) = (Engine.Pod(from), Engine.Pod(to));
        return Engine.Evaluate(new FlowQuery(s, s.PrimaryAddress, d, d.PrimaryAddress, probe.Protocol, probe.Port));
    }

    /// <summary>The verdict for outside address <paramref name="ip"/> connecting to pod <paramref name="to"/>.</summary>
    public Verdict FromOutside(string ip, string to, Probe probe)
    {
        var d = Engine.Pod(to);
        return Engine.Evaluate(new FlowQuery(null, Engines.Ip(ip), d, d.PrimaryAddress, probe.Protocol, probe.Port));
    }

    /// <summary>The verdict for pod <paramref name="from"/> connecting to outside address <paramref name="ip"/>.</summary>
    public Verdict ToOutside(string from, string ip, Probe probe)
    {
        var s = Engine.Pod(from);
        return Engine.Evaluate(new FlowQuery(s, s.PrimaryAddress, null, Engines.Ip(ip), probe.Protocol, probe.Port));
    }
}
