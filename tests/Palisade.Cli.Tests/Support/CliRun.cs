namespace Palisade.Cli.Tests.Support;

/// <summary>The result of one CLI invocation run in memory.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs the CLI with <paramref name="args"/>; <paramref name="stdin"/> feeds "-f -".</summary>
    public static CliRun Invoke(string[] args, string stdin = "")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, new CliContext(new StringReader(stdin), output, error, interactive: false));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Output and error with the repository and shared paths replaced by &lt;repo&gt; and &lt;shared&gt;, for golden comparison.</summary>
    public string Normalised() =>
        $"exit: {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}".Replace(Repo.Shared(), "<shared>", StringComparison.Ordinal).Replace(Repo.Root, "<repo>", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal);
}
