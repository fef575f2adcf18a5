namespace Palisade.Policy.Tests.Fuzz;

/// <summary>What a <see cref="Mutation"/> does to a manifest's text.</summary>
internal enum MutationKind
{
    DeleteLine,
    DuplicateLine,
    SwapLines,
    Indent,
    Dedent,
    IndentWithTab,
    ScalarToList,
    ScalarToBlockList,
    ScalarToMapping,
    ReplaceValue,
    InsertCharacter,
    DeleteCharacter,
    Truncate,
}

/// <summary>One random edit of a valid manifest; positions are taken modulo the text's size so every edit applies.</summary>
internal sealed record Mutation(MutationKind Kind, int Line, int Position, int Amount, string Token)
{
    public string Apply(string text)
    {
        var lines = text.Split('\n').ToList();
        var i = Line % lines.Count;
        var j = Position % lines.Count;
        switch (Kind)
        {
            case MutationKind.DeleteLine: lines.RemoveAt(i); break;
            case MutationKind.DuplicateLine: lines.Insert(i, lines[i]); break;
            case MutationKind.SwapLines: (lines[i], lines[j]) = (lines[j], lines[i]); break;
            case MutationKind.Indent: lines[i] = new string(' ', 1 + (Amount % 4)) + lines[i]; break;
            case MutationKind.Dedent: lines[i] = lines[i][Math.Min(1 + (Amount % 4), Leading(lines[i]))..]; break;
            case MutationKind.IndentWithTab: lines[i] = "\t" + lines[i][Math.Min(2, Leading(lines[i]))..]; break;
            case MutationKind.ScalarToList: lines[i] = MapValue(lines[i], v => $"[{v}]"); break;
            case MutationKind.ScalarToBlockList: lines[i] = MapValue(lines[i], v => $"\n{new string(' ', Leading(lines[i]) + 2)}- {v}"); break;
            case MutationKind.ScalarToMapping: lines[i] = MapValue(lines[i], v => $"{{{v}: {v}}}"); break;
            case MutationKind.ReplaceValue: lines[i] = MapValue(lines[i], _ => Token); break;
            case MutationKind.InsertCharacter: return text.Insert(Position % (text.Length + 1), Token[..1]);
            case MutationKind.DeleteCharacter: return text.Length == 0 ? text : text.Remove(Position % text.Length, 1);
            case MutationKind.Truncate: return text[..(Position % (text.Length + 1))];
        }
        return string.Join('\n', lines);
    }

    private static int Leading(string line) => line.Length - line.TrimStart(' ').Length;

    /// <summary>Rewrites the value after "key: " (or after "- "); lines without one are left alone.</summary>
    private static string MapValue(string line, Func<string, string> map)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        var at = colon >= 0 ? colon + 2 : line.TrimStart().StartsWith("- ", StringComparison.Ordinal) ? Leading(line) + 2 : -1;
        return at < 0 || at >= line.Length ? line : line[..at] + map(line[at..]);
    }
}
