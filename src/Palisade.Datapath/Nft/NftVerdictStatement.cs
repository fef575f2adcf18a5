namespace Palisade.Datapath.Nft;

/// <summary>A verdict at the end of a rule: <c>accept</c>, <c>drop</c>, <c>reject</c>, <c>jump pol</c>, <c>goto pol</c>, <c>return</c>.</summary>
public sealed record NftVerdictStatement(NftVerdict Verdict) : NftStatement
{
    /// <inheritdoc/>
    public override bool IsTerminal => true;

    internal override string? JumpTarget => Verdict.Chain;

    /// <inheritdoc/>
    public override string ToString() => Verdict.ToString();
}
