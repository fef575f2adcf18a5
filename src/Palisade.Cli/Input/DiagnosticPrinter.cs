using Palisade.Policy.Diagnostics;

namespace Palisade.Cli.Input;

/// <summary>Prints diagnostics one per line (<c>file:line:col: level: path: message (hint: ...)</c>).</summary>
internal static class DiagnosticPrinter
{
    /// <summary>Prints in reading order: files as given, then by line and column within each file.</summary>
    public static void Print(IReadOnlyList<Diagnostic> diagnostics, TextWriter writer)
    {
        var fileOrder = diagnostics.Select(d => d.Location.File).Distinct(StringComparer.Ordinal)
            .Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.Ordinal);
        var ordered = diagnostics.OrderBy(d => fileOrder[d.Location.File]).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column);
        foreach (var d in ordered) writer.WriteLine(d.ToString());
    }

    public static void Summary(IReadOnlyList<Diagnostic> diagnostics, TextWriter writer)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        writer.WriteLine($"{errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}");
    }
}
