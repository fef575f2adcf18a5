using Palisade.Cli.Input;
using Palisade.Policy.Diagnostics;
using Palisade.Policy.Loading;

namespace Palisade.Cli.Commands.Lab;

/// <summary>
/// Reads -f inputs for a lab command: every error is printed (file, line, field) and nothing is sent to the lab when
/// there is one; otherwise the inputs' top-level objects, ready to store.
/// </summary>
internal static class LabInput
{
    public static IReadOnlyList<ManifestObject>? Read(IReadOnlyList<string> paths, string? defaultNamespace, CliContext context)
    {
        var diagnostics = new DiagnosticBag();
        var inputs = ManifestFiles.Read(paths, context.In, diagnostics);
        var set = ManifestLoader.Load(inputs, diagnostics);
        DiagnosticPrinter.Print(set.Diagnostics, context.Error);
        if (set.HasErrors)
        {
            DiagnosticPrinter.Summary(set.Diagnostics, context.Error);
            context.Error.WriteLine("nothing was changed in the lab");
            return null;
        }
        return ManifestObjects.Split(inputs, defaultNamespace ?? "default");
    }
}
