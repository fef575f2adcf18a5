namespace Palisade.Lab.System;

/// <summary>The outcome of a finished process: exit code and captured output.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>True when the process exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
