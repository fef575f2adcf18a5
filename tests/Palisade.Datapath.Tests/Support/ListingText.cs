using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Tests.Support;

/// <summary>A listing as comparable text: one line per chain (declaration, rule comments) and per set (declaration, elements).</summary>
internal static class ListingText
{
    public static string Of(NftListing listing) => string.Join('\n',
        listing.Chains.Select(c => $"chain {c.Chain.Name} {c.Chain.Hook?.ToString() ?? "regular"} [{string.Join(" | ", c.RuleComments.Select(r => r ?? "-"))}]")
            .Concat(listing.Sets.Select(s => $"{s.Set.Keyword} {s.Set.Name} {s.Set.Declaration} = {string.Join(", ", s.Elements)}")));
}
