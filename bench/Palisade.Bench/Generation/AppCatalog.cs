namespace Palisade.Bench.Generation;

/// <summary>
/// The kinds of workload the generator draws from: a name stem, a tier and the named ports its containers declare.
/// Some stems declare "http" on another number (ui: 3000), so named ports resolve differently across identities.
/// </summary>
internal static class AppCatalog
{
    private static readonly PortPlan Http = new("http", "TCP", 8080);
    private static readonly PortPlan Grpc = new("grpc", "TCP", 9000);
    private static readonly PortPlan Metrics = new("metrics", "TCP", 9090);

    /// <summary>Application stems in the order a namespace is filled.</summary>
    public static IReadOnlyList<(string Stem, string Tier, PortPlan[] Ports)> Stems { get; } =
    [
        ("gateway", "frontend", [Http, Metrics]),
        ("web", "frontend", [Http, Metrics]),
        ("api", "backend", [Http, Grpc, Metrics]),
        ("auth", "backend", [Http, Grpc, Metrics]),
        ("orders", "backend", [Http, Grpc, Metrics]),
        ("worker", "worker", [Metrics]),
        ("redis", "cache", [new("redis", "TCP", 6379)]),
        ("postgres", "db", [new("pg", "TCP", 5432), Metrics]),
        ("payments", "backend", [Http, Grpc, Metrics]),
        ("catalog", "backend", [Http, Grpc, Metrics]),
        ("ui", "frontend", [new("http", "TCP", 3000)]),
        ("search", "backend", [Http, Grpc, Metrics]),
        ("mailer", "worker", [Metrics, new("smtp", "TCP", 2525)]),
        ("users", "backend", [Http, Grpc, Metrics]),
        ("indexer", "worker", [Metrics, new("stats", "UDP", 8125)]),
        ("cart", "backend", [Http, Grpc, Metrics]),
    ];

    /// <summary>Replica counts drawn uniformly (mean 6.25), so pods share identities as Deployments make them do.</summary>
    public static IReadOnlyList<int> ReplicaChoices { get; } = [2, 3, 4, 5, 6, 8, 10, 12];

    /// <summary>The fixed system workloads: kube-dns in kube-system, Prometheus in monitoring.</summary>
    public static IReadOnlyList<AppPlan> System { get; } =
    [
        new("kube-system", "coredns", "kube-dns", "system", null, 2, [new("dns", "UDP", 53), new("dns-tcp", "TCP", 53), new("metrics", "TCP", 9153)]),
        new("kube-system", "metrics-server", "metrics-server", "system", null, 1, [new("https", "TCP", 4443)]),
        new("kube-system", "ingress-nginx", "ingress-nginx", "system", null, 3, [new("http", "TCP", 80), new("https", "TCP", 443)]),
        new("monitoring", "prometheus", "prometheus", "system", null, 2, [new("web", "TCP", 9090)]),
        new("monitoring", "grafana", "grafana", "system", null, 1, [new("http", "TCP", 3000)]),
        new("monitoring", "alertmanager", "alertmanager", "system", null, 3, [new("web", "TCP", 9093)]),
    ];

    /// <summary>Team names for namespace labels.</summary>
    public static IReadOnlyList<string> Teams { get; } =
    [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
        "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
    ];

    /// <summary>Environments for namespace labels.</summary>
    public static IReadOnlyList<string> Envs { get; } = ["prod", "staging", "dev"];
}
