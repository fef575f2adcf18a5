using Palisade.Engine.Analysis;
using Palisade.Engine.Identities;
using Palisade.Engine.Ports;
using Palisade.Engine.Tests.Support;

namespace Palisade.Engine.Tests.Identities;

/// <summary>
/// Pods with the same security-relevant labels (pod labels, namespace, service account) share one identity and, unless
/// a CIDR peer or their named ports tell them apart, one endpoint class: cost follows identities, not pods.
/// </summary>
public class IdentitySharingTests
{
    private const string Shop = WebDeployment + "\n---\n" + WebFromApi;

    private const string WebDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 5
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80, name: http}]}]}
        """;

    private const string WebFromApi = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-from-api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
          - from: [{podSelector: {matchLabels: {app: api}}}]
            ports: [{port: http}]
        """;

    /// <summary>A bare pod; optionally a service account, a status.podIP and one named TCP container port.</summary>
    private static string Pod(string ns, string name, string app, string? serviceAccount = null, string? ip = null, (string Name, int Port)? port = null)
    {
        var lines = new List<string>
        {
            "apiVersion: v1",
            "kind: Pod",
            $"metadata: {{name: {name}, namespace: {ns}, labels: {{app: {app}}}}}",
            "spec:",
            "  containers:",
            "  - {name: c, image: i" + (port is { } p ? $", ports: [{{containerPort: {p.Port}, name: {p.Name}}}]}}" : "}"),
        };
        if (serviceAccount is not null) lines.Add($"  serviceAccountName: {serviceAccount}");
        if (ip is not null) lines.Add($"status: {{podIP: {ip}}}");
        return string.Join("\n", lines);
    }

    private static string Pods(int count, string ns, string prefix, string app) =>
        Documents(Enumerable.Range(0, count).Select(i => Pod(ns, $"{prefix}-{i}", app)).ToArray());

    private static string Documents(params string[] documents) => string.Join("\n---\n", documents.Select(d => d.TrimEnd('\n')));

    [Fact]
    public void Replicas_of_a_deployment_share_one_identity_and_one_class()
    {
        var engine = Engines.FromYaml(Shop);
        var web = engine.Cluster.Endpoints.Where(e => e.Labels.TryGetValue("app", out var app) && app == "web").ToList();

        Assert.Equal(5, web.Count);
        var identity = Assert.Single(web.Select(e => engine.Identities.Of(e)).Distinct());
        Assert.Equal(Identity.FirstClusterId, identity!.Id);
        var endpointClass = Assert.Single(web.Select(engine.ClassOf).Distinct());
        Assert.Equal(web, endpointClass.Members);
        Assert.Single(engine.Identities.All);
        Assert.Single(engine.Classes);
    }

    [Fact]
    public void Pods_with_equal_labels_share_an_identity_and_a_different_namespace_or_service_account_does_not()
    {
        var yaml = Documents(Shop, Pods(4, "shop", "api", "api"), Pod("other", "api", "api"), Pod("shop", "api-robot", "api", serviceAccount: "robot"));
        var engine = Engines.FromYaml(yaml);
        var api = Enumerable.Range(0, 4).Select(i => engine.Pod($"shop/api-{i}")).ToList();

        var shared = Assert.Single(api.Select(e => engine.Identities.Of(e)).Distinct());
        Assert.Single(api.Select(engine.ClassOf).Distinct());
        Assert.NotEqual(shared, engine.Identities.Of(engine.Pod("other/api")));
        Assert.NotEqual(shared, engine.Identities.Of(engine.Pod("shop/api-robot")));
        Assert.Equal(4, engine.Identities.All.Count);
        Assert.Equal(Enumerable.Range(Identity.FirstClusterId, 4), engine.Identities.All.Select(i => i.Id));
        Assert.Equal(4, engine.Classes.Count);
        Assert.Equal(16, ReachabilityMatrix.Compute(engine).CellCount);
    }

    [Fact]
    public void Verdicts_are_the_same_for_every_pod_of_a_shared_identity()
    {
        var engine = Engines.FromYaml(Documents(Shop, Pods(3, "shop", "api", "api"), Pods(2, "shop", "batch", "batch")));
        var matrix = ReachabilityMatrix.Compute(engine);

        foreach (var web in engine.Cluster.Endpoints.Where(e => e.Name.StartsWith("web-", StringComparison.Ordinal)))
        {
            foreach (var i in Enumerable.Range(0, 3)) Assert.Equal("TCP 80", matrix.Get(engine.Pod($"shop/api-{i}"), web).ToString());
            foreach (var i in Enumerable.Range(0, 2)) Assert.Equal("none", matrix.Get(engine.Pod($"shop/batch-{i}"), web).ToString());
        }
        Assert.Equal(3, engine.Identities.All.Count);
    }

    [Fact]
    public void A_cidr_peer_splitting_pods_of_one_identity_gives_them_separate_classes_but_one_identity()
    {
        var engine = Engines.FromYaml(Documents(
            Pod("shop", "db-0", "db", ip: "10.0.0.1"),
            Pod("shop", "db-1", "db", ip: "10.0.0.2"),
            Pod("shop", "db-2", "db", ip: "10.0.0.3"),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db-from-db-0, namespace: shop}
            spec:
              podSelector: {}
              ingress:
              - from: [{ipBlock: {cidr: 10.0.0.1/32}}]
            """));
        var db = Enumerable.Range(0, 3).Select(i => engine.Pod($"shop/db-{i}")).ToList();
        var matrix = ReachabilityMatrix.Compute(engine);

        Assert.Single(db.Select(e => engine.Identities.Of(e)).Distinct());
        Assert.Equal(2, db.Select(engine.ClassOf).Distinct().Count());
        Assert.Same(engine.ClassOf(db[1]), engine.ClassOf(db[2]));
        Assert.Equal("all", matrix.Get(db[0], db[2]).ToString());
        Assert.Equal("none", matrix.Get(db[1], db[2]).ToString());
    }

    [Fact]
    public void Different_named_ports_give_pods_of_one_identity_separate_classes_resolved_separately()
    {
        var engine = Engines.FromYaml(Documents(
            WebFromApi,
            Pod("shop", "web", "web", port: ("http", 80)),
            Pod("shop", "web-alt", "web", port: ("http", 8080)),
            Pod("shop", "api", "api")));
        var deployed = engine.Pod("shop/web");
        var alternative = engine.Pod("shop/web-alt");
        var matrix = ReachabilityMatrix.Compute(engine);

        Assert.Same(engine.Identities.Of(deployed), engine.Identities.Of(alternative));
        Assert.NotSame(engine.ClassOf(deployed), engine.ClassOf(alternative));
        Assert.True(matrix.Allows(engine.Pod("shop/api"), deployed, Protocol.Tcp, 80));
        Assert.False(matrix.Allows(engine.Pod("shop/api"), alternative, Protocol.Tcp, 80));
        Assert.Equal("TCP 8080", matrix.Get(engine.Pod("shop/api"), alternative).ToString());
    }
}
