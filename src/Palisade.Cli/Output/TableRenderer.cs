using Palisade.Engine.Ir;
using Spectre.Console;

namespace Palisade.Cli.Output;

/// <summary>Terminal tables: a summary, the pods with their isolation, and one matrix per probe (or of port sets).</summary>
internal static class TableRenderer
{
    public static void Render(AnalysisView view, IAnsiConsole console)
    {
        var engine = view.Engine;
        console.WriteLine($"{Plural.Count(engine.Cluster.Endpoints.Count, "pod")} in {Plural.Count(engine.Cluster.Namespaces.Count, "namespace")}, {Plural.Count(engine.Policies.Select(p => p.Ref).Distinct().Count(), "policy", "policies")}, {Plural.Count(engine.Identities.All.Count, "identity", "identities")}");
        console.Write(Rows(view));
        if (view.Probes.Count == 0)
        {
            console.WriteLine();
            console.WriteLine("Allowed connections (rows: from, columns: to by number; \"all\" = every TCP, UDP and SCTP port)");
            console.Write(PortMatrix(view));
            return;
        }
        foreach (var probe in view.Probes)
        {
            console.WriteLine();
            console.WriteLine($"Probe {probe} (rows: from, columns: to by number; . allowed, X denied)");
            console.Write(ProbeMatrix(view, probe));
        }
    }


    private static Table Rows(AnalysisView view)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "name", "workload", "pods", "addresses", "ingress isolated by", "egress isolated by");
        for (var i = 0; i < view.Rows.Count; i++)
        {
            var row = view.Rows[i];
            table.AddRow(
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(row.Name),
                Markup.Escape(string.Join(" ", row.Members.Select(m => m.Workload?.ToString() ?? "-").Distinct())),
                row.Members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(" ", row.Members.Select(m => m.PrimaryAddress))),
                Markup.Escape(view.Isolation(row, Direction.Ingress)),
                Markup.Escape(view.Isolation(row, Direction.Egress)));
        }
        return table;
    }

    private static Table ProbeMatrix(AnalysisView view, Input.ProbeSpec probe) =>
        Matrix(view, (from, to) => view.Allows(from, to, probe) ? "." : "[red]X[/]", centered: true);

    private static Table PortMatrix(AnalysisView view) =>
        Matrix(view, (from, to) => Markup.Escape(view.CellText(from, to)), centered: false);

    private static Table Matrix(AnalysisView view, Func<ViewRow, ViewRow, string> cell, bool centered)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("from \\ to");
        for (var i = 0; i < view.Rows.Count; i++)
        {
            var column = new TableColumn((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddColumn(centered ? column.Centered() : column);
        }
        for (var r = 0; r < view.Rows.Count; r++)
        {
            var from = view.Rows[r];
            var cells = view.Rows.Select(to => cell(from, to)).Prepend(Markup.Escape($"{r + 1} {from.Name}"));
            table.AddRow([.. cells]);
        }
        return table;
    }
}
