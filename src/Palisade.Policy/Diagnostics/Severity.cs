namespace Palisade.Policy.Diagnostics;

/// <summary>How serious a diagnostic is. Errors stop the command (exit code 2); warnings and notices are reported.</summary>
public enum Severity
{
    Error,
    Warning,
    Notice,
}
