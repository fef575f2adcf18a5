namespace Palisade.Lab.System;

/// <summary>
/// How to start the <c>palisade</c> program again (for the lab's controller and workload processes): the executable,
/// plus <c>palisade.dll</c> when running under the <c>dotnet</c> host. <c>palisade.dll</c> is looked for next to the
/// running code, so tests that reference the CLI project can start lab processes too.
/// </summary>
public static class SelfCommand
{
    /// <summary>The file to run and the arguments that come before the verb's own.</summary>
    public static (string File, IReadOnlyList<string> Prefix) Resolve()
    {
        var process = Environment.ProcessPath ?? throw new LabException("cannot find this program's executable to start the lab's processes");
        var dll = Path.Combine(AppContext.BaseDirectory, "palisade.dll");
        if (Path.GetFileNameWithoutExtension(process) == "dotnet" || !Path.GetFileName(process).StartsWith("palisade", StringComparison.Ordinal))
        {
            if (!File.Exists(dll)) throw new LabException($"cannot find {dll} to start the lab's processes");
            var dotnet = Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "dotnet";
            return (dotnet, [dll]);
        }
        return (process, []);
    }
}
