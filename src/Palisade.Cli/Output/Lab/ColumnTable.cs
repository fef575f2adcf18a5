namespace Palisade.Cli.Output.Lab;

/// <summary>A plain table as kubectl prints it: upper-case headers, columns padded and separated by three spaces.</summary>
internal sealed class ColumnTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public ColumnTable Add(params string[] cells)
    {
        rows.Add(cells);
        return this;
    }

    public int Count => rows.Count;

    public void Write(TextWriter writer)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        WriteRow(writer, headers, widths);
        foreach (var row in rows) WriteRow(writer, row, widths);
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var parts = cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]));
        writer.WriteLine(string.Join("   ", parts).TrimEnd());
    }
}
