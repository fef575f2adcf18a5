using System.CommandLine;
using Palisade.Cli.Commands;
using Palisade.Engine;
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

    /// <summary>Loads the manifests and the outside inputs the options name, and builds the engine; null when the input has errors.</summary>
    public static PolicyEngine? LoadEngine(IReadOnlyList<string> paths, CommonOptions common, ParseResult result, CliContext context)
    {
        var options = common.ClusterOptions(result);
        var inputs = OutsideInputs.Load(result.GetValue(common.DnsCache) ?? [], result.GetValue(common.SecurityGroups) ?? [], context);
        var set = LoadManifests(paths, context);
        if (set.HasErrors)
        {
            DiagnosticPrinter.Summary(set.Diagnostics, context.Error);
            return null;
        }
        var (engine, notes) = EngineLoader.FromManifests(set, options, inputs);
        DiagnosticPrinter.Print(notes, context.Error);
        return engine;
    }
}
