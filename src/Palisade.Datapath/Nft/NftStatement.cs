namespace Palisade.Datapath.Nft;

/// <summary>One expression or statement of a rule; a rule is a sequence of them, matched left to right.</summary>
public abstract record NftStatement
{
    /// <summary>True when the statement ends the rule (a verdict, a verdict map): nothing may follow it.</summary>
    public virtual bool IsTerminal => false;

    /// <summary>The set or map the statement reads, and what it needs that set to be; null when none.</summary>
    internal virtual NftSetUse? SetUse => null;

    /// <summary>The chain the statement jumps or goes to; null when none.</summary>
    internal virtual string? JumpTarget => null;

    /// <summary>The statement as nft writes it.</summary>
    public abstract override string ToString();

    /// <summary>Writes a concatenation of fields: <c>ip saddr . meta l4proto . th dport</c>.</summary>
    internal static string Concatenation(IReadOnlyList<NftField> fields) => string.Join(" . ", fields.Select(NftSyntax.Of));
}
