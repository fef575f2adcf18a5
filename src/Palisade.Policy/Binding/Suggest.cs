namespace Palisade.Policy.Binding;

/// <summary>"Did you mean" suggestions by edit distance.</summary>
public static class Suggest
{
    /// <summary>The closest candidate within a small edit distance, or null.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = Math.Max(2, word.Length / 3) + 1;
        foreach (var c in candidates)
        {
            var d = Distance(word.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return best;
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var prev = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cur = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), prev + (a[i - 1] == b[j - 1] ? 0 : 1));
                prev = cur;
            }
        }
        return row[b.Length];
    }
}
