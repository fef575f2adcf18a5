namespace Palisade.Datapath.Nft;

/// <summary>A chain of a table: a base chain when it has a <see cref="Hook"/>, a regular chain (a jump target) when not.</summary>
public sealed record NftChain
{
    /// <summary>Makes the chain.</summary>
    /// <exception cref="NftException">The name cannot be an nft name.</exception>
    public NftChain(NftTable table, string name, NftHook? hook = null)
    {
        Table = table;
        Name = NftName.Check(name, $"chain {table} {name}");
        Hook = hook;
    }

    /// <summary>The table.</summary>
    public NftTable Table { get; }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The hook of a base chain; null for a regular chain.</summary>
    public NftHook? Hook { get; }

    /// <summary>True for a base chain.</summary>
    public bool IsBase => Hook is not null;

    /// <summary>The chain as nft commands name it: <c>inet palisade forward</c>.</summary>
    public override string ToString() => $"{Table} {Name}";
}
