namespace Palisade.Bench.Generation;

/// <summary>
/// Lays out namespaces and Deployments for a <see cref="ClusterSpec"/>: two system namespaces (kube-system with
/// kube-dns, monitoring with Prometheus) and one application namespace per ~100 pods, labelled team and env, filled
/// with Deployments of 2–12 replicas (plus an occasional one-replica canary) until the exact pod count is reached.
/// </summary>
internal static class ClusterPlanner
{
    public static List<NamespacePlan> Plan(ClusterSpec spec, Random rng)
    {
        var namespaces = Plan(spec.Pods / Math.Max(1, spec.ReplicaFactor), rng);
        if (spec.ReplicaFactor <= 1) return namespaces;
        foreach (var ns in namespaces)
        {
            for (var i = 0; i < ns.Apps.Count; i++) ns.Apps[i] = ns.Apps[i] with { Replicas = ns.Apps[i].Replicas * spec.ReplicaFactor };
        }
        return namespaces;
    }

    private static List<NamespacePlan> Plan(int pods, Random rng)
    {
        var system = new List<NamespacePlan> { new("kube-system", "platform", "prod"), new("monitoring", "platform", "prod") };
        foreach (var app in AppCatalog.System) system.First(n => n.Name == app.Namespace).Apps.Add(app);
        var systemPods = AppCatalog.System.Sum(a => a.Replicas);
        var appNamespaces = Math.Max(1, (pods / 100) - system.Count);
        var remaining = Math.Max(0, pods - systemPods);
        var namespaces = new List<NamespacePlan>(system);
        for (var i = 0; i < appNamespaces; i++)
        {
            var ns = new NamespacePlan(
                $"{AppCatalog.Teams[i % AppCatalog.Teams.Count]}-{AppCatalog.Envs[i / AppCatalog.Teams.Count % AppCatalog.Envs.Count]}-{i:D3}",
                AppCatalog.Teams[i % AppCatalog.Teams.Count],
                AppCatalog.Envs[i / AppCatalog.Teams.Count % AppCatalog.Envs.Count]);
            var quota = (remaining / appNamespaces) + (i < remaining % appNamespaces ? 1 : 0);
            Fill(ns, quota, rng);
            namespaces.Add(ns);
        }
        return namespaces;
    }

    private static void Fill(NamespacePlan ns, int quota, Random rng)
    {
        for (var i = 0; quota > 0; i++)
        {
            var (stem, tier, ports) = AppCatalog.Stems[i % AppCatalog.Stems.Count];
            var app = i < AppCatalog.Stems.Count ? stem : $"{stem}-{(i / AppCatalog.Stems.Count) + 1}";
            var replicas = Math.Min(quota, AppCatalog.ReplicaChoices[rng.Next(AppCatalog.ReplicaChoices.Count)]);
            ns.Apps.Add(new AppPlan(ns.Name, app, app, tier, "v1", replicas, ports));
            quota -= replicas;
            if (quota > 0 && tier == "backend" && rng.Next(10) == 0)
            {
                ns.Apps.Add(new AppPlan(ns.Name, app + "-canary", app, tier, "v2", 1, ports));
                quota--;
            }
        }
    }
}
