using System.CommandLine;
using Palisade.Cli.Commands;
using Palisade.Policy.Errors;

namespace Palisade.Cli;

/// <summary>The command tree and the one place where errors become messages and exit codes.</summary>
internal static class CliApp
{
    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("Palisade: Kubernetes network policy you can see through.")
        {
            AnalyzeCommand.Create(context),
            TraceCommand.Create(context),
            ValidateCommand.Create(context),
            GetCommand.Create(context),
        };
        try
        {
            var parse = root.Parse(args);
            return parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (InputException ex)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("PALISADE_DEBUG") != "1")
        {
            context.Error.WriteLine($"internal error: {ex.GetType().Name}: {ex.Message}");
            context.Error.WriteLine("this is a bug in Palisade; run again with PALISADE_DEBUG=1 for details and report it");
            return ExitCodes.Internal;
        }
    }
}
