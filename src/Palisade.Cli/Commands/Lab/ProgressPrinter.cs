using Palisade.Lab.Api;

namespace Palisade.Cli.Commands.Lab;

/// <summary>
/// Shows the controller's messages: result lines on standard output; progress on standard error, redrawn in place
/// on a terminal, and otherwise one line when a step starts and one when it ends.
/// </summary>
internal sealed class ProgressPrinter(CliContext context)
{
    private string? step;
    private bool drawn;

    public void Show(ApiMessage message)
    {
        lock (this)
        {
            if (message.Type == "line")
            {
                EndLine();
                context.Out.WriteLine(message.Text);
                return;
            }
            if (message.Type != "progress") return;
            var text = $"{message.Text} {message.Done}/{message.Total}";
            if (context.ErrorInteractive)
            {
                context.Error.Write($"\r\u001b[2K{text}");
                drawn = true;
            }
            else if (step != message.Text || message.Done == message.Total)
            {
                context.Error.WriteLine(text);
            }
            step = message.Text;
        }
    }

    public void EndLine()
    {
        if (!drawn) return;
        context.Error.Write("\r\u001b[2K");
        drawn = false;
    }
}
