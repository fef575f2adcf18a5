using System.Text;
using Palisade.Engine.Ir;

namespace Palisade.Cli.Output;

/// <summary>JSON, CSV, Markdown and Graphviz dot forms of an analysis.</summary>
internal static class FlatRenderers
{
    /// <summary>
    /// With probes, exactly <c>{"probes":[{"port":80,"protocol":"TCP","matrix":{"ns/pod":{"ns/pod":true}}}]}</c>
    /// (rows are sources): other tools depend on this shape. Without probes, the rows and their allowed port sets.
    /// </summary>
    public static void Json(AnalysisView view, TextWriter writer)
    {
        if (view.Probes.Count > 0)
        {
            Output.Json.Write(new
            {
                probes = view.Probes.Select(p => new
                {
                    port = p.Port,
                    protocol = p.ProtocolName,
                    matrix = view.Rows.ToDictionary(f => f.Name, f => view.Rows.ToDictionary(t => t.Name, t => view.Allows(f, t, p))),
                }),
            }, writer);
            return;
        }
        Output.Json.Write(new
        {
            endpoints = view.Rows.Select(r => new
            {
                name = r.Name,
                pods = r.Members.Select(m => m.Key),
                addresses = r.Members.Select(m => m.PrimaryAddress.ToString()),
                ingressIsolatedBy = view.Isolation(r, Direction.Ingress),
                egressIsolatedBy = view.Isolation(r, Direction.Egress),
            }),
            connections = view.Rows.ToDictionary(f => f.Name, f => view.Rows.ToDictionary(t => t.Name, t => view.CellText(f, t))),
        }, writer);
    }

    public static void Csv(AnalysisView view, TextWriter writer)
    {
        if (view.Probes.Count > 0)
        {
            writer.WriteLine("probe,from,to,allowed");
            foreach (var p in view.Probes)
            {
                foreach (var (f, t) in Pairs(view)) writer.WriteLine($"{p},{f.Name},{t.Name},{(view.Allows(f, t, p) ? "true" : "false")}");
            }
            return;
        }
        writer.WriteLine("from,to,allowed");
        foreach (var (f, t) in Pairs(view)) writer.WriteLine($"{f.Name},{t.Name},\"{view.CellText(f, t)}\"");
    }

    public static void Markdown(AnalysisView view, TextWriter writer)
    {
        var sections = view.Probes.Count > 0
            ? view.Probes.Select(p => ($"Probe {p} (rows: from, columns: to; ✓ allowed, ✗ denied)", (Func<ViewRow, ViewRow, string>)((f, t) => view.Allows(f, t, p) ? "✓" : "✗")))
            : [("Allowed connections (rows: from, columns: to)", view.CellText)];
        foreach (var (title, cell) in sections)
        {
            writer.WriteLine($"### {title}");
            writer.WriteLine();
            writer.WriteLine("| from \\ to | " + string.Join(" | ", view.Rows.Select(r => $"`{r.Name}`")) + " |");
            writer.WriteLine("|---|" + string.Concat(view.Rows.Select(_ => "---|")));
            foreach (var f in view.Rows) writer.WriteLine($"| `{f.Name}` | " + string.Join(" | ", view.Rows.Select(t => cell(f, t))) + " |");
            writer.WriteLine();
        }
    }

    /// <summary>A directed graph: an edge where anything is allowed, labelled with the ports (or allowed probes).</summary>
    public static void Dot(AnalysisView view, TextWriter writer)
    {
        var sb = new StringBuilder();
        sb.AppendLine("digraph reachability {");
        sb.AppendLine("  rankdir=LR; node [shape=box, fontname=\"Helvetica\"]; edge [fontname=\"Helvetica\", fontsize=10];");
        foreach (var r in view.Rows) sb.AppendLine($"  \"{r.Name}\";");
        foreach (var (f, t) in Pairs(view))
        {
            var label = view.Probes.Count > 0
                ? string.Join(",", view.Probes.Where(p => view.Allows(f, t, p)).Select(p => p.ToString()))
                : view.Cell(f, t).Ports.IsEmpty ? "" : view.CellText(f, t);
            if (label.Length > 0) sb.AppendLine($"  \"{f.Name}\" -> \"{t.Name}\" [label=\"{label}\"];");
        }
        sb.AppendLine("}");
        writer.Write(sb.ToString());
    }

    private static IEnumerable<(ViewRow From, ViewRow To)> Pairs(AnalysisView view) =>
        view.Rows.SelectMany(f => view.Rows.Select(t => (f, t)));
}
