using Palisade.Engine.Resolution;

namespace Palisade.Lab.Enforcement;

/// <summary>A block of IPv4 addresses (first to last, inclusive) that policies treat alike, its data-plane identity and how the engine sees it as a peer.</summary>
public sealed record AddressBlock(uint First, uint Last, uint Identity, PeerRef Peer)
{
    /// <summary>The block as an nft element key: an address or a range.</summary>
    public string NftKey => First == Last ? AddressIdentities.Text(First) : $"{AddressIdentities.Text(First)}-{AddressIdentities.Text(Last)}";
}
