using Spectre.Console;

namespace Palisade.Cli;

/// <summary>The streams a command reads and writes; tests pass their own.</summary>
internal sealed class CliContext(TextReader input, TextWriter output, TextWriter error, bool interactive)
{
    public TextReader In { get; } = input;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when standard error is a terminal (progress bars are drawn there).</summary>
    public bool ErrorInteractive { get; init; }

    /// <summary>True when standard output is a terminal (colours, terminal width).</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>A Spectre console over <see cref="Out"/>: plain text and a wide page when not a terminal.</summary>
    public IAnsiConsole Console { get; } = CreateConsole(output, interactive);

    private static IAnsiConsole CreateConsole(TextWriter output, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive) console.Profile.Width = 240;
        return console;
    }
}
