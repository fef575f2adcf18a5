using System.Text;

namespace Palisade.Engine.Tests.Conformance;

/// <summary>
/// Which pod may connect to which, as the upstream TruthTable: rows are sources, columns destinations, both in the
/// order x/a x/b x/c y/a ... z/c. Written and printed as one row per source, <c>.</c> for connected and <c>X</c> for
/// blocked (upstream's symbols), grouped by namespace:
/// <code>
/// x/a  X.. ... ...
/// </code>
/// reads: x/a may not connect to x/a, and may connect to every other pod. A failure prints both tables in this form, so
/// the actual table can be pasted back as the expectation once checked.
/// </summary>
internal sealed class TruthTable : IEquatable<TruthTable>
{
    private static readonly IReadOnlyList<string> Keys = NetpolModel.PodKeys;
    private readonly bool[,] _cells;

    private TruthTable(bool[,] cells) => _cells = cells;

    /// <summary>Every connection allowed.</summary>
    public static TruthTable AllAllowed => From((_, _) => true);

    /// <summary>True when <paramref name="from"/> may connect to <paramref name="to"/>.</summary>
    public bool this[string from, string to] => _cells[Index(from), Index(to)];

    /// <summary>Parses the notation above: 9 rows of 9 cells; spaces and a leading row label (checked) are ignored.</summary>
    public static TruthTable Parse(string text)
    {
        var rows = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("to:", StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count == Keys.Count, $"a truth table needs {Keys.Count} rows, got {rows.Count}:\n{text}");
        var cells = new bool[Keys.Count, Keys.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Contains('/'))
            {
                var label = row[..row.IndexOf(' ', StringComparison.Ordinal)];
                Assert.True(label == Keys[r], $"row {r + 1} is labelled {label} but holds {Keys[r]}:\n{text}");
                row = row[label.Length..];
            }
            var marks = row.Where(c => !char.IsWhiteSpace(c)).ToArray();
            Assert.True(marks.Length == Keys.Count && marks.All(c => c is '.' or 'X'), $"row {Keys[r]} must hold {Keys.Count} of '.' or 'X': \"{rows[r]}\"");
            for (var c = 0; c < marks.Length; c++) cells[r, c] = marks[c] == '.';
        }
        return new TruthTable(cells);
    }

    /// <summary>Builds a table cell by cell.</summary>
    public static TruthTable From(Func<string, string, bool> allowed)
    {
        var cells = new bool[Keys.Count, Keys.Count];
        for (var r = 0; r < Keys.Count; r++)
        {
            for (var c = 0; c < Keys.Count; c++) cells[r, c] = allowed(Keys[r], Keys[c]);
        }
        return new TruthTable(cells);
    }

    /// <summary>The cells where this table and <paramref name="other"/> differ, as "from -> to".</summary>
    public IEnumerable<(string From, string To)> Differences(TruthTable other) =>
        from f in Keys from t in Keys where this[f, t] != other[f, t] select (f, t);

    /// <inheritdoc/>
    public bool Equals(TruthTable? other) => other is not null && !Differences(other).Any();

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TruthTable);

    /// <inheritdoc/>
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>The notation above, with a header line naming the columns.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("to:  abc abc abc  (x y z)\n");
        foreach (var from in Keys)
        {
            text.Append(from).Append("  ");
            for (var c = 0; c < Keys.Count; c++)
            {
                if (c > 0 && c % 3 == 0) text.Append(' ');
                text.Append(this[from, Keys[c]] ? '.' : 'X');
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    private static int Index(string key)
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            if (Keys[i] == key) return i;
        }
        throw new ArgumentException($"no pod {key} in the model", nameof(key));
    }
}
