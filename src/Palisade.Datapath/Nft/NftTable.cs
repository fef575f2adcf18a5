namespace Palisade.Datapath.Nft;

/// <summary>A table: a family and a name nft can parse (see <see cref="NftName"/>).</summary>
public sealed record NftTable
{
    /// <summary>Makes the table.</summary>
    /// <exception cref="NftException">The name cannot be an nft name.</exception>
    public NftTable(NftFamily family, string name)
    {
        Family = family;
        Name = NftName.Check(name, $"table {NftSyntax.Of(family)} {name}");
    }

    /// <summary>The family.</summary>
    public NftFamily Family { get; }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The table as nft commands name it: <c>inet palisade</c>.</summary>
    public override string ToString() => $"{NftSyntax.Of(Family)} {Name}";
}
