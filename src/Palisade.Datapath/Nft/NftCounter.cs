namespace Palisade.Datapath.Nft;

/// <summary><c>counter</c>: counts the packets and bytes that reach it.</summary>
public sealed record NftCounter : NftStatement
{
    /// <inheritdoc/>
    public override string ToString() => "counter";
}
