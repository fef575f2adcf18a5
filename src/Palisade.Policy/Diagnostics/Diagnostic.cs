namespace Palisade.Policy.Diagnostics;

/// <summary>One problem found in the input, with where it is, the field path and what to do about it.</summary>
public sealed record Diagnostic(Severity Severity, SourceLocation Location, string FieldPath, string Message, string? Hint = null)
{
    /// <summary>The one-line form printed by the CLI: <c>file:line:col: error: path: message (hint)</c>.</summary>
    public override string ToString()
    {
        var level = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
        var path = string.IsNullOrEmpty(FieldPath) ? "" : FieldPath + ": ";
        var hint = Hint is null ? "" : $" (hint: {Hint})";
        return $"{Location}: {level}: {path}{Message}{hint}";
    }
}
