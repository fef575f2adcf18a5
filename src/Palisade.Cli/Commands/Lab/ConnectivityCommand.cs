using System.CommandLine;
using System.Text.Json;
using Palisade.Cli.Input;
using Palisade.Cli.Output.Lab;
using Palisade.Lab;
using Palisade.Lab.Connectivity;
using Palisade.Lab.State;

namespace Palisade.Cli.Commands.Lab;

/// <summary>
/// <c>palisade connectivity test [--probe 80/TCP]... [-n NS] [-o table|json]</c>: probes every pod pair (and every pod
/// to the world hosts) of a running lab from inside the pods, compares with the engine's prediction for the same state,
/// and prints every disagreement with what the engine expected and why. Exit 1 on any disagreement.
/// </summary>
internal static class ConnectivityCommand
{
    public static Command Create(CliContext context)
    {
        var probes = new Option<string[]>("--probe") { Description = "PORT/PROTOCOL to probe (repeatable; default 80/TCP).", AllowMultipleArgumentsPerToken = true };
        var ns = LabOptions.Namespace();
        ns.Description = "Only the pods of this namespace (default: every namespace but kube-system).";
        var output = new Option<string>("--output", "-o") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json");
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for each probe.", DefaultValueFactory = _ => 1.0 };
        var lab = LabOptions.Lab();
        var test = new Command("test", "Probe every pod pair in the lab and compare with the engine's prediction.") { probes, ns, output, timeout, lab };
        test.SetAction(async (result, ct) =>
        {
            if (result.GetValue(timeout) is not (> 0 and <= 600)) throw new LabException($"--timeout {result.GetValue(timeout)}: give the seconds to wait for each probe, more than 0 and at most 600");
            var parsed = (result.GetValue(probes) is { Length: > 0 } p ? p : ["80/TCP"]).Select(ConnectivityProbe.Parse).ToList();
            var snapshot = LabSnapshot.Read(LabPaths.For(LabManager.Resolve(result.GetValue(lab))));
            var (engine, notes) = LabEngine.Build(snapshot);
            DiagnosticPrinter.Print(notes, context.Error);
            var printer = new ProgressPrinter(context);
            var progress = new Progress<(int Done, int Total)>(x => printer.Show(Palisade.Lab.Api.ApiMessage.Progress("probing", x.Done, x.Total)));
            var report = await ConnectivityTester.RunAsync(snapshot, engine, parsed, result.GetValue(ns), TimeSpan.FromSeconds(result.GetValue(timeout)), progress, ct).ConfigureAwait(false);
            printer.EndLine();
            if (result.GetValue(output) == "json") WriteJson(context, report);
            else ConnectivityRenderer.Write(context.Out, report);
            return report.Mismatches.Count == 0 ? ExitCodes.Ok : 1;
        });
        return new Command("connectivity", "Prove that the kernel does what the engine predicts.") { test };
    }

    private static void WriteJson(CliContext context, ConnectivityReport report)
    {
        var json = new
        {
            probes = report.Probes,
            observed = report.Cells.Select(c => new { from = c.From, to = c.To, probe = c.Probe, reached = c.Observed, outcome = c.Outcome }),
            predicted = report.Cells.Select(c => new { from = c.From, to = c.To, probe = c.Probe, allowed = c.Predicted, explanation = c.Explanation }),
            mismatches = report.Mismatches.Select(c => new { from = c.From, to = c.To, probe = c.Probe, predicted = c.Predicted, observed = c.Observed, outcome = c.Outcome, explanation = c.Explanation }),
        };
        context.Out.WriteLine(JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
    }
}
