using CsCheck;

namespace Palisade.Testing.Generators;

/// <summary>
/// Random clusters small enough for exhaustive pairwise checking, built to hit the tricky NetworkPolicy semantics:
/// policyTypes inference, empty vs null lists, selector operators, namespace selectors, ipBlock excepts, named ports.
/// </summary>
public static class ClusterGen
{
    /// <summary>Clusters with the default <see cref="ClusterGenOptions"/>: 1–3 namespaces, 1–6 pods, 0–4 policies.</summary>
    public static Gen<GeneratedCluster> Cluster { get; } = Create(new ClusterGenOptions());

    /// <summary>The (protocol, port) pairs worth probing: every number and protocol the generated objects use, plus a miss.</summary>
    public static IReadOnlyList<(string Protocol, int Port)> ProbePorts { get; } =
    [
        ("TCP", 80), ("TCP", 81), ("TCP", 53), ("TCP", 8080), ("TCP", 9999),
        ("UDP", 53), ("UDP", 80), ("UDP", 81), ("SCTP", 81), ("SCTP", 80),
    ];

    /// <summary>Addresses of no pod, inside and outside the generated ipBlocks, for probing outside peers.</summary>
    public static IReadOnlyList<string> OutsideIps { get; } =
        ["10.0.0.3", "10.0.0.70", "10.0.0.130", "10.0.0.202", "10.0.1.7", "10.0.1.140", "10.0.2.1", "172.18.0.77", "8.8.8.8"];

    /// <summary>Clusters generated with the given knobs.</summary>
    public static Gen<GeneratedCluster> Create(ClusterGenOptions options)
    {
        return NamespaceGen.Namespaces.SelectMany(namespaces =>
        {
            string[] names = [.. namespaces.Select(ns => ns.Metadata.Name)];
            return Gen.Select(PodGen.Pods(names, options), PolicyGen.Policies(names, options), (pods, policies) =>
                new GeneratedCluster(namespaces, pods, policies));
        });
    }
}
