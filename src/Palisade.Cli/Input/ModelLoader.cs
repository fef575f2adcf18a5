using Palisade.Engine;
using Palisade.Engine.Cluster;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Loading;

namespace Palisade.Cli.Input;

/// <summary>
/// Loads the -f inputs, prints their diagnostics to standard error, and builds the engine when there is no error.
/// </summary>
internal static class ModelLoader
{
    public static ManifestSet LoadManifests(IReadOnlyList<string> paths, CliContext context)
    {
        var diagnostics = new DiagnosticBag();
        var inputs = ManifestFiles.Read(paths, context.In, diagnostics);
        var set = ManifestLoader.Load(inputs, diagnostics);
        DiagnosticPrinter.Print(set.Diagnostics, context.Error);
        return set;
    }

    public static PolicyEngine? LoadEngine(IReadOnlyList<string> paths, ClusterOptions options, CliContext context)
    {
        var set = LoadManifests(paths, context);
        if (set.HasErrors)
        {
            DiagnosticPrinter.Summary(set.Diagnostics, context.Error);
            return null;
        }
        return EngineLoader.FromManifests(set, options);
    }
}
