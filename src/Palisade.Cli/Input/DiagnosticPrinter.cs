using Palisade.Policy.Diagnostics;

namespace Palisade.Cli.Input;

/// <summary>Prints diagnostics one per line (<c>file:line:col: level: path: message (hint: ...)</c>).</summary>
internal static class DiagnosticPrinter
{
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer)
    {
        foreach (var d in diagnostics) writer.WriteLine(d.ToString());
    }

    public static void Summary(IReadOnlyList<Diagnostic> diagnostics, TextWriter writer)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        writer.WriteLine($"{errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}");
    }
}
