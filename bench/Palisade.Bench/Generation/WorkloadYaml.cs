namespace Palisade.Bench.Generation;

/// <summary>Writes namespaces and Deployments as the manifests a user would apply.</summary>
internal static class WorkloadYaml
{
    public static void Namespace(YamlText y, NamespacePlan ns) =>
        y.Document()
            .Line(0, "apiVersion: v1").Line(0, "kind: Namespace")
            .Line(0, "metadata:").Line(1, $"name: {ns.Name}").Line(1, "labels:").Labels(2, [("team", ns.Team), ("env", ns.Env)]);

    public static void Deployment(YamlText y, NamespacePlan ns, AppPlan app)
    {
        y.Document()
            .Line(0, "apiVersion: apps/v1").Line(0, "kind: Deployment")
            .Line(0, "metadata:").Line(1, $"name: {app.Name}").Line(1, $"namespace: {app.Namespace}")
            .Line(1, "labels:").Line(2, $"app: {app.App}")
            .Line(0, "spec:").Line(1, $"replicas: {app.Replicas}")
            .Line(1, "selector:").Line(2, "matchLabels:").Labels(3, PodLabels(ns, app).Where(l => l.Key != "tier" && l.Key != "team"))
            .Line(1, "template:").Line(2, "metadata:").Line(3, "labels:").Labels(4, PodLabels(ns, app))
            .Line(2, "spec:").Line(3, $"serviceAccountName: {app.App}")
            .Line(3, "containers:").Line(3, "- name: main").Line(4, $"image: registry.example.com/{ns.Team}/{app.App}:1.4.2");
        if (app.Ports.Count == 0) return;
        y.Line(4, "ports:");
        foreach (var p in app.Ports)
        {
            y.Line(4, $"- name: {p.Name}").Line(5, $"containerPort: {p.Port}").Line(5, $"protocol: {p.Protocol}");
        }
    }

    private static IEnumerable<(string Key, string Value)> PodLabels(NamespacePlan ns, AppPlan app)
    {
        yield return ("app", app.App);
        yield return ("tier", app.Tier);
        yield return ("team", ns.Team);
        if (app.Version is { } v) yield return ("version", v);
    }
}
