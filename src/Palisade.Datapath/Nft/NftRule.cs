namespace Palisade.Datapath.Nft;

/// <summary>A rule: statements matched left to right (a verdict or verdict map last), and an optional comment.</summary>
public sealed record NftRule
{
    /// <summary>The longest comment nft takes.</summary>
    public const int MaxComment = 128;

    /// <summary>Makes the rule.</summary>
    /// <exception cref="NftException">No statements, a statement after a verdict, or a comment nft cannot take.</exception>
    public NftRule(IReadOnlyList<NftStatement> statements, string? comment = null)
    {
        if (statements.Count == 0) throw new NftException("a rule needs at least one statement");
        var early = statements.Take(statements.Count - 1).FirstOrDefault(s => s.IsTerminal);
        if (early is not null) throw new NftException($"'{early}' ends the rule, so it must be its last statement");
        if (comment is not null && (comment.Length > MaxComment || comment.Any(c => c is '"' or '\\' || char.IsControl(c))))
        {
            throw new NftException($"rule comment '{comment}' must have at most {MaxComment} characters and no quotes, backslashes or control characters");
        }
        (Statements, Comment) = ([.. statements], comment);
    }

    /// <summary>The statements.</summary>
    public IReadOnlyList<NftStatement> Statements { get; }

    /// <summary>The comment, or null.</summary>
    public string? Comment { get; }

    /// <summary>A rule of these statements, without a comment.</summary>
    public static NftRule Of(params NftStatement[] statements) => new(statements);

    /// <summary>This rule with a comment.</summary>
    public NftRule WithComment(string comment) => new(Statements, comment);

    /// <summary>The rule as nft writes it: <c>ct state established,related accept</c>.</summary>
    public override string ToString() =>
        string.Join(' ', Statements) + (Comment is null ? "" : $" comment \"{Comment}\"");
}
