using Palisade.Engine.Cluster;

namespace Palisade.Engine.Tests.Conformance;

/// <summary>
/// The small language conformance cases are written in: a model, policies, and the tables expected for every probe.
/// Every case must state the table of each of the model's six probes (<see cref="Probe.All"/>), so no protocol or port
/// goes unchecked; extra probes (e.g. TCP 82 for a range) may be added.
/// </summary>
internal static class Scenario
{
    /// <summary>The upstream model, without any policy.</summary>
    public static NetpolModel Model => NetpolModel.Default;

    /// <summary>A NetworkPolicy named <paramref name="name"/> in <paramref name="ns"/> with the given spec YAML.</summary>
    public static ModelPolicy NetworkPolicy(string ns, string name, string spec) => new(ns, name, spec);

    /// <summary>The pod table expected for <paramref name="probe"/>.</summary>
    public static MatrixExpectation On(Probe probe, string table) => new([probe], TruthTable.Parse(table));

    /// <summary>The pod table expected for <paramref name="probe"/>.</summary>
    public static MatrixExpectation On(Probe probe, TruthTable table) => new([probe], table);

    /// <summary>The pod table expected for each of <paramref name="probes"/>.</summary>
    public static MatrixExpectation On(IReadOnlyList<Probe> probes, string table) => new(probes, TruthTable.Parse(table));

    /// <summary>The pod table expected for each of <paramref name="probes"/>.</summary>
    public static MatrixExpectation On(IReadOnlyList<Probe> probes, TruthTable table) => new(probes, table);

    /// <summary>Connections from outside address <paramref name="ip"/> to each pod (one mark per pod, x/a..z/c).</summary>
    public static OutsideExpectation FromOutside(string ip, IReadOnlyList<Probe> probes, string row) => new(ip, true, probes, row);

    /// <summary>Connections from each pod (one mark per pod, x/a..z/c) to outside address <paramref name="ip"/>.</summary>
    public static OutsideExpectation ToOutside(string ip, IReadOnlyList<Probe> probes, string row) => new(ip, false, probes, row);

    /// <summary>Loads <paramref name="model"/> and checks every expectation, reporting every failure at once.</summary>
    public static ModelRun Verify(NetpolModel model, params Expectation[] expectations) => Verify(model, new ClusterOptions(), expectations);

    /// <summary>One step of a scenario that changes between steps; failures name the step.</summary>
    public static ModelRun Step(string step, NetpolModel model, params Expectation[] expectations)
    {
        try
        {
            return Verify(model, expectations);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"step {step}:\n{e.Message}");
        }
    }

    /// <inheritdoc cref="Verify(NetpolModel, Expectation[])"/>
    public static ModelRun Verify(NetpolModel model, ClusterOptions options, params Expectation[] expectations)
    {
        var covered = expectations.OfType<MatrixExpectation>().SelectMany(e => e.Probes).ToList();
        Assert.True(covered.Count == covered.Distinct().Count(), $"a probe is given two tables: {string.Join(", ", covered)}");
        var missing = Probe.All.Except(covered).ToList();
        Assert.True(missing.Count == 0, $"every model probe needs a table; missing: {string.Join(", ", missing)}");
        var run = ModelRun.Of(model, options);
        var failures = expectations.SelectMany(e => e.Check(run)).ToList();
        Assert.True(failures.Count == 0, $"{string.Join("\n", failures)}\n--- scenario ---\n{Describe(model)}");
        return run;
    }

    /// <summary>What differs from the default model, then the policies.</summary>
    private static string Describe(NetpolModel model)
    {
        var namespaces = model.Namespaces.Except(NetpolModel.Default.Namespaces).Select(n => $"namespace {n.Name} labels {string.Join(",", n.Labels)}");
        var pods = model.Pods.Except(NetpolModel.Default.Pods).Select(p => $"pod {p.Key} labels {string.Join(",", p.Labels)} ports {string.Join(",", p.Ports)} ip {p.Ip}{(p.HostNetwork ? " hostNetwork" : "")}");
        return string.Join("\n", namespaces.Concat(pods).Append(string.Join("---\n", model.Policies.Select(p => p.ToYaml()))));
    }
}
