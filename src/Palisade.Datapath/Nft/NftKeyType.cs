namespace Palisade.Datapath.Nft;

/// <summary>The key type of a set or map: one data type, or a concatenation such as <c>ipv4_addr . inet_proto . inet_service</c>.</summary>
public sealed record NftKeyType
{
    private const int MaxParts = 8;

    /// <summary>Makes the key type.</summary>
    /// <exception cref="NftException">No parts, too many, or a type that cannot be a key (ct_state, ifname).</exception>
    public NftKeyType(IReadOnlyList<NftDataType> parts)
    {
        if (parts.Count is 0 or > MaxParts) throw new NftException($"a key type has 1 to {MaxParts} parts, not {parts.Count}");
        var unusable = parts.FirstOrDefault(p => p is NftDataType.CtState or NftDataType.NfProto || (p is NftDataType.IfName && parts.Count > 1), NftDataType.Ipv4Addr);
        if (unusable != NftDataType.Ipv4Addr) throw new NftException($"{NftSyntax.Of(unusable)} cannot be part of a set key here; keys are made of ipv4_addr, inet_proto, inet_service and mark, or are one ifname");
        Parts = [.. parts];
    }

    /// <summary>The parts, in order.</summary>
    public IReadOnlyList<NftDataType> Parts { get; }

    /// <summary>A key type of these parts.</summary>
    public static NftKeyType Of(params NftDataType[] parts) => new(parts);

    /// <summary>The key type that a lookup of <paramref name="fields"/> needs.</summary>
    public static NftKeyType For(IReadOnlyList<NftField> fields) => new([.. fields.Select(NftSyntax.TypeOf)]);

    /// <inheritdoc/>
    public bool Equals(NftKeyType? other) => other is not null && Parts.SequenceEqual(other.Parts);

    /// <inheritdoc/>
    public override int GetHashCode() => Parts.Aggregate(17, (h, p) => (h * 31) + (int)p);

    /// <summary>The type as nft writes it: <c>ipv4_addr . inet_proto . inet_service</c>.</summary>
    public override string ToString() => string.Join(" . ", Parts.Select(NftSyntax.Of));
}
