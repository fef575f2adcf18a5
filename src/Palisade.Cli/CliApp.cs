using System.CommandLine;
using Palisade.Cli.Commands;
using Palisade.Cli.Commands.Lab;
using Palisade.Lab;
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
            LabCommand.Create(context),
            ApplyCommands.Apply(context),
            ApplyCommands.Delete(context),
            ExecCommand.Create(context),
            ProbeCommand.Create(context),
            ConnectivityCommand.Create(context),
            ObserveCommand.Create(context),
        };
        try
        {
            var parse = root.Parse(args);
            return parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (Unwrap(ex) is LabException lab)
        {
            context.Error.WriteLine($"error: {lab.Message}");
            return ExitCodes.LabFailure;
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

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : e;
}
