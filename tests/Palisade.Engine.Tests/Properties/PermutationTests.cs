using CsCheck;
using Palisade.Engine.Analysis;
using Palisade.Engine.Ports;
using Palisade.Engine.Tests.Support;
using Palisade.Engine.Verdicts;
using Palisade.Testing.Generators;

namespace Palisade.Engine.Tests.Properties;

/// <summary>
/// The order of documents, and of rules, peers, ports and selector requirements inside policies, carries no meaning:
/// shuffling it changes no verdict (nor its reasons, nor the policies named), no identity number and no address.
/// </summary>
public class PermutationTests
{
    private const long Iterations = 1_000;

    private static readonly Gen<(GeneratedCluster Cluster, int Seed, bool WithoutPodStatus)> Cases =
        Gen.Select(ClusterGen.Cluster, Gen.Int, Gen.Bool);

    [Fact]
    public void Shuffling_documents_rules_peers_and_ports_changes_no_verdict_and_no_identity()
    {
        Cases.Sample(
            (cluster, seed, withoutStatus) => AssertSame(Shuffler.InOrder(cluster, withoutStatus), new Shuffler(seed).Shuffled(cluster, withoutStatus)),
            iter: Iterations,
            print: c => $"shuffle seed {c.Item2}, pods without status: {c.Item3}; both YAML streams in the message below");
    }

    private static void AssertSame(string yaml, string shuffledYaml)
    {
        List<string> problems;
        try
        {
            var (engine, shuffled) = (Engines.FromYaml(yaml), Engines.FromYaml(shuffledYaml));
            problems = [.. Identities(engine, shuffled).Concat(Matrices(engine, shuffled)).Concat(Verdicts(engine, shuffled)).Where(p => p.Length > 0).Take(10)];
        }
        catch (Exception e)
        {
            problems = [e.ToString()];
        }
        if (problems.Count > 0) Assert.Fail($"{string.Join("\n", problems)}\n--- in order ---\n{yaml}--- shuffled ---\n{shuffledYaml}");
    }

    private static IEnumerable<string> Identities(PolicyEngine a, PolicyEngine b)
    {
        foreach (var e in a.Cluster.Endpoints)
        {
            var other = b.Pod(e.Key);
            if (e.PrimaryAddress != other.PrimaryAddress) yield return $"{e.Key}: address {e.PrimaryAddress} became {other.PrimaryAddress}";
            if (a.Identities.Of(e)?.Id != b.Identities.Of(other)?.Id) yield return $"{e.Key}: identity {a.Identities.Of(e)?.Id} became {b.Identities.Of(other)?.Id}";
        }
    }

    private static IEnumerable<string> Matrices(PolicyEngine a, PolicyEngine b)
    {
        var (ma, mb) = (ReachabilityMatrix.Compute(a), ReachabilityMatrix.Compute(b));
        foreach (var s in a.Cluster.Endpoints)
        {
            foreach (var d in a.Cluster.Endpoints)
            {
                var (pa, pb) = (ma.Get(s, d), mb.Get(b.Pod(s.Key), b.Pod(d.Key)));
                if (!pa.Equals(pb)) yield return $"{s} -> {d}: {pa} became {pb}";
            }
        }
    }

    /// <summary>Explanations on a sample of flows: each pod pair and each (outside address, pod) with one probe, rotating.</summary>
    private static IEnumerable<string> Verdicts(PolicyEngine a, PolicyEngine b)
    {
        var outside = ClusterGen.OutsideIps.Select(Engines.Ip).Where(ip => a.Cluster.FindByAddress(ip) is null).ToList();
        var sample = 0;
        foreach (var pod in a.Cluster.Endpoints)
        {
            var other = b.Pod(pod.Key);
            foreach (var ip in outside)
            {
                var (proto, port) = Probe(sample++);
                yield return Compare(a, b, new FlowQuery(null, ip, pod, pod.PrimaryAddress, proto, port), new FlowQuery(null, ip, other, other.PrimaryAddress, proto, port));
                yield return Compare(a, b, new FlowQuery(pod, pod.PrimaryAddress, null, ip, proto, port), new FlowQuery(other, other.PrimaryAddress, null, ip, proto, port));
            }
            foreach (var peer in a.Cluster.Endpoints)
            {
                var (proto, port) = Probe(sample++);
                var otherPeer = b.Pod(peer.Key);
                yield return Compare(a, b, new FlowQuery(peer, peer.PrimaryAddress, pod, pod.PrimaryAddress, proto, port), new FlowQuery(otherPeer, otherPeer.PrimaryAddress, other, other.PrimaryAddress, proto, port));
            }
        }
    }

    private static (Protocol, int) Probe(int i)
    {
        var (protocol, port) = ClusterGen.ProbePorts[i % ClusterGen.ProbePorts.Count];
        return (Engines.Protocol(protocol), port);
    }

    private static string Compare(PolicyEngine a, PolicyEngine b, FlowQuery fa, FlowQuery fb)
    {
        var (va, vb) = (Fingerprint(a.Evaluate(fa)), Fingerprint(b.Evaluate(fb)));
        return va == vb ? "" : $"{fa}: {va} became {vb}";
    }

    /// <summary>Everything about a verdict that must not depend on order (rule indices do: they follow rule order).</summary>
    private static string Fingerprint(Verdict v) => $"{v.Allowed} egress {Side(v.Egress)} ingress {Side(v.Ingress)}";

    private static string Side(SideVerdict s) =>
        $"{s.Allowed} {s.Reason} by [{string.Join(",", s.DecidedBy.Select(h => h.Policy.ToString()).Distinct().Order(StringComparer.Ordinal))}]" +
        $" isolated by [{string.Join(",", s.IsolatedBy.Select(r => r.ToString()).Order(StringComparer.Ordinal))}]";
}
