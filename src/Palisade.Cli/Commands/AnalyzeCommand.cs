using System.CommandLine;
using Palisade.Cli.Input;
using Palisade.Cli.Output;
using Palisade.Engine.Analysis;
using Spectre.Console;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade analyze</c>: the reachability matrix of every pod pair.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var common = new CommonOptions();
        var probes = new Option<string[]>("--probe") { Description = "A port to probe, e.g. 80/TCP; repeatable. Without it, the allowed port sets are shown.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--output", "-o") { Description = "table, json, csv, dot or md.", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json", "csv", "dot", "md");
        var by = new Option<string>("--by") { Description = "pod, or workload to aggregate the pods of each workload.", DefaultValueFactory = _ => "pod" };
        by.AcceptOnlyFromAmong("pod", "workload");
        var command = new Command("analyze", "Compute which pods can connect to which, on which ports, under the given policies.");
        common.AddTo(command);
        command.Options.Add(probes);
        command.Options.Add(output);
        command.Options.Add(by);
        command.SetAction(result =>
        {
            var probeSpecs = (result.GetValue(probes) ?? []).Select(p => ProbeSpec.Parse(p)).ToList();
            var engine = ModelLoader.LoadEngine(result.GetValue(common.Files)!, common, result, context);
            if (engine is null) return ExitCodes.InvalidInput;
            var view = new AnalysisView(engine, Compute(engine, context), probeSpecs, result.GetValue(by) == "workload");
            switch (result.GetValue(output))
            {
                case "json": FlatRenderers.Json(view, context.Out); break;
                case "csv": FlatRenderers.Csv(view, context.Out); break;
                case "dot": FlatRenderers.Dot(view, context.Out); break;
                case "md": FlatRenderers.Markdown(view, context.Out); break;
                default: TableRenderer.Render(view, context.Console); break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The matrix, with a progress bar on standard error when it is a terminal and the work is large.</summary>
    private static ReachabilityMatrix Compute(Engine.PolicyEngine engine, CliContext context)
    {
        const int LargeClassCount = 400;
        if (!context.ErrorInteractive || engine.Classes.Count < LargeClassCount) return ReachabilityMatrix.Compute(engine);
        ReachabilityMatrix? matrix = null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        console.Progress().Start(p =>
        {
            var task = p.AddTask($"matrix of {engine.Classes.Count} endpoint classes", maxValue: 1.0);
            matrix = ReachabilityMatrix.Compute(engine, progress: new Progress<double>(v => task.Value = v));
            task.Value = 1.0;
        });
        return matrix!;
    }
}
