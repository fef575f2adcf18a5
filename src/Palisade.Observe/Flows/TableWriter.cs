namespace Palisade.Observe.Flows;

/// <summary>Writes rows in columns separated by three spaces, each as wide as its widest cell (Hubble's tabwriter settings).</summary>
internal static class TableWriter
{
    /// <summary>Writes the header rows (if any) and the rows; the last column is not padded.</summary>
    public static void Write(TextWriter output, IReadOnlyList<string[]> header, IReadOnlyList<string[]> rows)
    {
        var all = header.Concat(rows).ToList();
        var columns = all.Max(r => r.Length);
        var widths = Enumerable.Range(0, columns).Select(c => all.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c] + 3));
            output.WriteLine(string.Concat(cells));
        }
    }
}
