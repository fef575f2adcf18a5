using System.CommandLine;
using Palisade.Cli.Input;
using Palisade.Cli.Output;
using Palisade.Engine;
using Spectre.Console;

namespace Palisade.Cli.Commands;

/// <summary><c>palisade get identities -f ...</c>: identities and their labels as Cilium shows them.</summary>
internal static class GetCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("get", "Show a lab's pods, services, nodes and policies, or engine state for manifests.");
        command.Subcommands.Add(Identities(context));
        foreach (var sub in Lab.LabGetCommands.Create(context)) command.Subcommands.Add(sub);
        return command;
    }

    private static Command Identities(CliContext context)
    {
        var common = new CommonOptions();
        var output = new Option<string>("--output", "-o") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json");
        var lab = Lab.LabOptions.Lab();
        var command = new Command("identities", "List security identities (number, labels, pods), as `cilium identity list` does: of the manifests given with -f, or of a running lab without -f.");
        common.AddTo(command);
        common.Files.Required = false;
        command.Options.Add(output);
        command.Options.Add(lab);
        command.SetAction(result =>
        {
            var files = result.GetValue(common.Files) ?? [];
            var engine = files.Length > 0
                ? ModelLoader.LoadEngine(files, common, result, context)
                : Palisade.Lab.Connectivity.LabEngine.Build(Palisade.Lab.State.LabSnapshot.Read(Palisade.Lab.LabPaths.For(Palisade.Lab.LabManager.Resolve(result.GetValue(lab))))).Engine;
            if (engine is null) return ExitCodes.InvalidInput;
            var podsById = engine.Cluster.Endpoints.ToLookup(e => engine.Identities.Of(e)?.Id, e => e.Key);
            var rows = engine.Identities.All.Select(i => new { id = i.Id, labels = i.CiliumLabels.ToList(), pods = podsById[i.Id].ToList() }).ToList();
            if (result.GetValue(output) == "json")
            {
                Json.Write(rows, context.Out);
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumns("ID", "LABELS", "PODS");
            foreach (var r in rows) table.AddRow(r.id.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(string.Join("\n", r.labels)), Markup.Escape(string.Join("\n", r.pods)));
            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
