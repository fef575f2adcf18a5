using Palisade.Engine.Fqdn;
using Palisade.Policy.Inventory;
using Palisade.Policy.Loading;

namespace Palisade.Engine.Tests.Support;

/// <summary>Files the scenario tests read: the shared fixtures (beside the repository) and the repository's examples.</summary>
internal static class Files
{
    /// <summary>The star wars demo's manifests and policies.</summary>
    public static string StarWars(string name) => Path.Combine(SharedRoot, "fixtures", "real-world", "cilium-starwars", name);

    /// <summary>A file of the repository, by its path from the root.</summary>
    public static string Repo(string relative) => Path.Combine(RepoRoot, relative);

    /// <summary>The repository root (the directory holding Palisade.slnx).</summary>
    public static string RepoRoot => Ancestor(d => File.Exists(Path.Combine(d, "Palisade.slnx")), "Palisade.slnx");

    /// <summary>The shared folder beside the repository.</summary>
    public static string SharedRoot => Path.Combine(Ancestor(d => Directory.Exists(Path.Combine(d, "shared", "fixtures")), "shared/fixtures"), "shared");

    /// <summary>
    /// Loads <paramref name="paths"/> as the CLI does and builds the engine, with the DNS names of
    /// <paramref name="dnsCache"/> (a --dns-cache file) learned; fails on any load error.
    /// </summary>
    public static PolicyEngine Engine(IEnumerable<string> paths, string? dnsCache = null, EngineInputs? inputs = null)
    {
        var set = ManifestLoader.Load(paths.Select(p => new ManifestInput(p, File.ReadAllText(p))));
        if (set.HasErrors) Assert.Fail($"the input has errors:\n{string.Join("\n", set.Diagnostics)}");
        inputs ??= new EngineInputs();
        if (dnsCache is not null)
        {
            var cache = FqdnCache.From(DnsCacheFile.Parse(File.ReadAllText(dnsCache), dnsCache));
            inputs = inputs with { Engine = EngineOptions.LearnedFrom(cache) };
        }
        return EngineLoader.FromManifests(set, null, inputs).Engine;
    }

    private static string Ancestor(Func<string, bool> holds, string what)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (holds(dir.FullName)) return dir.FullName;
        }
        throw new InvalidOperationException($"no {what} above {AppContext.BaseDirectory}; clone shared/ beside the repository");
    }
}
