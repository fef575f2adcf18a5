namespace Palisade.Bench.Generation;

/// <summary>
/// The NetworkPolicy shapes of the generated clusters, as found in real clusters: a namespace's first three policies
/// are default-deny, allow-DNS and allow-Prometheus-scrape; the rest cycle through app-to-app allows, cross-namespace
/// allows by namespaceSelector, internet egress by ipBlock with except, port ranges, named ports and matchExpressions.
/// </summary>
internal static class PolicyShapes
{
    private static readonly Action<YamlText, PolicyContext>[] Rotating =
    [
        AppToApp, FromOtherTeam, InternetEgress, PortRange, FrontendToBackend, Expressions, DatabaseAccess, FromPodCidr, ToOtherDatabase,
    ];

    /// <summary>Writes the <paramref name="index"/>-th policy of a namespace.</summary>
    public static void Write(YamlText y, PolicyContext c, int index)
    {
        var shape = index switch { 0 => DefaultDeny, 1 => AllowDns, 2 => AllowScrape, _ => Rotating[(index - 3) % Rotating.Length] };
        y.Document().Line(0, "apiVersion: networking.k8s.io/v1").Line(0, "kind: NetworkPolicy")
            .Line(0, "metadata:").Line(1, $"name: {c.Name}").Line(1, $"namespace: {c.Namespace.Name}").Line(0, "spec:");
        shape(y, c);
    }

    private static void DefaultDeny(YamlText y, PolicyContext c) =>
        y.Line(1, "podSelector: {}").Line(1, "policyTypes: [Ingress, Egress]");

    private static void AllowDns(YamlText y, PolicyContext c) =>
        y.Line(1, "podSelector: {}").Line(1, "policyTypes: [Egress]").Line(1, "egress:")
            .Line(1, "- to:").Line(2, "- namespaceSelector:").Line(4, "matchLabels: {kubernetes.io/metadata.name: kube-system}")
            .Line(3, "podSelector:").Line(4, "matchLabels: {app: kube-dns}")
            .Line(2, "ports:").Line(2, "- {protocol: UDP, port: 53}").Line(2, "- {protocol: TCP, port: 53}");

    private static void AllowScrape(YamlText y, PolicyContext c) =>
        y.Line(1, "podSelector: {}").Line(1, "policyTypes: [Ingress]").Line(1, "ingress:")
            .Line(1, "- from:").Line(2, "- namespaceSelector:").Line(4, "matchLabels: {kubernetes.io/metadata.name: monitoring}")
            .Line(3, "podSelector:").Line(4, "matchLabels: {app: prometheus}")
            .Line(2, "ports:").Line(2, "- port: metrics");

    private static void AppToApp(YamlText y, PolicyContext c) =>
        y.Line(1, "podSelector:").Line(2, $"matchLabels: {{app: {c.AppOf("backend")}}}").Line(1, "ingress:")
            .Line(1, "- from:").Line(2, $"- podSelector: {{matchLabels: {{app: {c.AppOf("frontend")}}}}}")
            .Line(2, $"- podSelector: {{matchLabels: {{app: {c.AppOf("backend")}}}}}")
            .Line(2, "ports:").Line(2, "- port: http").Line(2, "- port: grpc");

    private static void FromOtherTeam(YamlText y, PolicyContext c) =>
        y.Line(1, "podSelector:").Line(2, "matchLabels: {tier: frontend}").Line(1, "policyTypes: [Ingress]").Line(1, "ingress:")
            .Line(1, "- from:").Line(2, "- namespaceSelector:").Line(4, $"matchLabels: {{team: {c.Team()}, env: prod}}")
            .Line(3, "podSelector:").Line(4, "matchLabels: {app: gateway}")
            .Line(2, "- namespaceSelector:").Line(4, "matchLabels: {kubernetes.io/metadata.name: kube-system}")
            .Line(3, "podSelector:").Line(4, "matchLabels: {app: ingress-nginx}")
            .Line(2, "ports:").Line(2, "- {protocol: TCP, port: 8080}").Line(2, "- port: http");

    private static void InternetEgress(YamlText y, PolicyContext c) =>
        y.Line(1, "podSelector:").Line(2, $"matchLabels: {{app: {c.AppOf("backend")}}}").Line(1, "policyTypes: [Egress]").Line(1, "egress:")
            .Line(1, "- to:").Line(2, "- ipBlock:").Line(4, "cidr: 0.0.0.0/0").Line(4, "except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]")
            .Line(2, "ports:").Line(2, "- {protocol: TCP, port: 443}").Line(2, "- {protocol: TCP, port: 80}");

    private static void PortRange(YamlText y, PolicyContext c) =>
        y.Line(1, "podSelector:").Line(2, "matchLabels: {tier: worker}").Line(1, "ingress:")
            .Line(1, "- from:").Line(2, "- podSelector: {matchLabels: {tier: backend}}")
            .Line(2, "ports:").Line(2, "- {protocol: TCP, port: 30000, endPort: 32767}").Line(2, "- {protocol: UDP, port: 5000, endPort: 5100}");

    private static void FrontendToBackend(YamlText y, PolicyContext c) =>
        y.Line(1, "podSelector:").Line(2, "matchLabels: {tier: frontend}").Line(1, "policyTypes: [Egress]").Line(1, "egress:")
            .Line(1, "- to:").Line(2, "- podSelector: {matchLabels: {tier: backend}}")
            .Line(2, "ports:").Line(2, "- port: grpc").Line(2, "- {protocol: TCP, port: 8080}");

    private static void Expressions(YamlText y, PolicyContext c) =>
        y.Line(1, "podSelector:").Line(2, "matchExpressions:")
            .Line(2, $"- {{key: app, operator: In, values: [{c.AppOf("backend")}, {c.AppOf("worker")}]}}").Line(1, "ingress:")
            .Line(1, "- from:").Line(2, "- namespaceSelector:").Line(4, "matchExpressions:")
            .Line(4, "- {key: env, operator: NotIn, values: [dev]}").Line(4, "- {key: team, operator: Exists}")
            .Line(3, "podSelector:").Line(4, "matchExpressions:").Line(4, "- {key: tier, operator: In, values: [frontend, backend]}")
            .Line(2, "ports:").Line(2, "- port: http");

    private static void DatabaseAccess(YamlText y, PolicyContext c) =>
        y.Line(1, "podSelector:").Line(2, "matchLabels: {tier: db}").Line(1, "ingress:")
            .Line(1, "- from:").Line(2, "- podSelector:").Line(4, "matchExpressions:").Line(4, "- {key: tier, operator: In, values: [backend, worker]}")
            .Line(2, "ports:").Line(2, "- port: pg");

    private static void FromPodCidr(YamlText y, PolicyContext c) =>
        y.Line(1, "podSelector:").Line(2, $"matchLabels: {{app: {c.AppOf("frontend")}}}").Line(1, "policyTypes: [Ingress]").Line(1, "ingress:")
            .Line(1, "- from:").Line(2, "- ipBlock:").Line(4, "cidr: 10.244.0.0/16").Line(4, $"except: [10.244.{c.Rng.Next(4) * 64}.0/24]")
            .Line(2, "ports:").Line(2, "- {protocol: TCP, port: 8080}");

    private static void ToOtherDatabase(YamlText y, PolicyContext c) =>
        y.Line(1, "podSelector:").Line(2, $"matchLabels: {{app: {c.AppOf("backend")}}}").Line(1, "policyTypes: [Egress]").Line(1, "egress:")
            .Line(1, "- to:").Line(2, "- namespaceSelector:").Line(4, $"matchLabels: {{kubernetes.io/metadata.name: {c.OtherNamespace().Name}}}")
            .Line(3, "podSelector:").Line(4, "matchLabels: {tier: db}")
            .Line(2, "ports:").Line(2, "- {protocol: TCP, port: 5432}");
}
