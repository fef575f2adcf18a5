namespace Palisade.Bench.Generation;

/// <summary>
/// Generates the YAML of a realistic cluster, deterministically from <see cref="ClusterSpec.Seed"/>: namespaces,
/// Deployments and NetworkPolicies spread evenly over the application namespaces.
/// </summary>
internal static class ClusterGenerator
{
    public static string Generate(ClusterSpec spec)
    {
        var rng = new Random(spec.Seed);
        var namespaces = ClusterPlanner.Plan(spec, rng);
        var y = new YamlText();
        foreach (var ns in namespaces) WorkloadYaml.Namespace(y, ns);
        foreach (var ns in namespaces)
        {
            foreach (var app in ns.Apps) WorkloadYaml.Deployment(y, ns, app);
        }
        var targets = namespaces.Where(n => n.Team != "platform").ToList();
        for (var i = 0; i < spec.Policies; i++)
        {
            var ns = targets[i % targets.Count];
            var index = i / targets.Count;
            PolicyShapes.Write(y, new PolicyContext(ns, namespaces, rng, $"np-{index:D4}"), index);
        }
        return y.ToString();
    }

    /// <summary>Writes the cluster to <paramref name="directory"/> once (kept when already there) and returns its path.</summary>
    public static string WriteOnce(ClusterSpec spec, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, spec.FileName);
        if (!File.Exists(path))
        {
            var tmp = path + ".tmp";
            File.WriteAllText(tmp, Generate(spec));
            File.Move(tmp, path, overwrite: true);
        }
        return path;
    }
}
