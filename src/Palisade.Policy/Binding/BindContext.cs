using Palisade.Policy.Diagnostics;
using Palisade.Policy.Yaml;

namespace Palisade.Policy.Binding;

/// <summary>Where binding reports problems, and how strictly it treats unknown fields.</summary>
public sealed record BindContext(YDocument Document, DiagnosticBag Diagnostics, Severity UnknownFieldSeverity)
{
    /// <summary>
    /// A kind-specific hint for an unknown field (its path from the document root; a List's items are <c>items[i]</c>), used instead of "did you mean"
    /// when it returns one.
    /// </summary>
    public Func<FieldPath, string?>? UnknownFieldHint { get; init; }

    /// <summary>Reports a problem at <paramref name="path"/>.</summary>
    public void Report(Severity severity, FieldPath path, string message, string? hint = null) =>
        Diagnostics.Add(new Diagnostic(severity, Document.Locate(path), path.ToString(), message, hint));

    /// <summary>Reports a problem at <paramref name="path"/>, located at <paramref name="node"/> (e.g. a key rather than its value).</summary>
    public void Report(Severity severity, YNode node, FieldPath path, string message, string? hint = null) =>
        Diagnostics.Add(new Diagnostic(severity, new SourceLocation(Document.File, node.Line, node.Column), path.ToString(), message, hint));
}
