namespace Palisade.Datapath.Nft;

/// <summary>One command of a transaction; <see cref="object.ToString"/> is its exact line of <c>nft -f</c> text.</summary>
public abstract record NftCommand
{
    private protected NftCommand()
    {
    }

    /// <summary><c>add table inet t</c>: makes the table unless it exists.</summary>
    public sealed record AddTable(NftTable Table) : NftCommand
    {
        /// <inheritdoc/>
        public override string ToString() => $"add table {Table}";
    }

    /// <summary><c>add chain inet t c { type ... }</c>: makes the chain, or updates a base chain's policy.</summary>
    public sealed record AddChain(NftChain Chain) : NftCommand
    {
        /// <inheritdoc/>
        public override string ToString() => Chain.Hook is null ? $"add chain {Chain}" : $"add chain {Chain} {{ {Chain.Hook} }}";
    }

    /// <summary><c>add set|map inet t s { type ...; }</c>: makes the set unless an identical one exists.</summary>
    public sealed record AddSet(NftSet Set) : NftCommand
    {
        /// <inheritdoc/>
        public override string ToString() => $"add {Set.Keyword} {Set} {Set.Declaration}";
    }

    /// <summary><c>add rule inet t c ...</c>: appends a rule to a chain.</summary>
    public sealed record AddRule(NftChain Chain, NftRule Rule) : NftCommand
    {
        /// <inheritdoc/>
        public override string ToString() => $"add rule {Chain} {Rule}";
    }

    /// <summary><c>add element inet t s { ... }</c>: adds elements (an identical element already there is no error).</summary>
    public sealed record AddElements(NftSet Set, IReadOnlyList<NftElement> Elements) : NftCommand
    {
        /// <inheritdoc/>
        public override string ToString() => $"add element {Set} {{ {string.Join(", ", Elements)} }}";
    }

    /// <summary><c>delete element inet t s { ... }</c>: deletes elements by key; each must be there.</summary>
    public sealed record DeleteElements(NftSet Set, IReadOnlyList<NftElement> Elements) : NftCommand
    {
        /// <inheritdoc/>
        public override string ToString() => $"delete element {Set} {{ {string.Join(", ", Elements.Select(e => e.KeyText()))} }}";
    }

    /// <summary><c>flush chain inet t c</c>: deletes the chain's rules.</summary>
    public sealed record FlushChain(NftChain Chain) : NftCommand
    {
        /// <inheritdoc/>
        public override string ToString() => $"flush chain {Chain}";
    }

    /// <summary><c>flush set|map inet t s</c>: deletes the set's elements.</summary>
    public sealed record FlushSet(NftSet Set) : NftCommand
    {
        /// <inheritdoc/>
        public override string ToString() => $"flush {Set.Keyword} {Set}";
    }

    /// <summary><c>delete table inet t</c>: deletes the table and everything in it.</summary>
    public sealed record DeleteTable(NftTable Table) : NftCommand
    {
        /// <inheritdoc/>
        public override string ToString() => $"delete table {Table}";
    }

    /// <summary><c>delete chain inet t c</c>: deletes a chain no rule or verdict map element jumps to.</summary>
    public sealed record DeleteChain(NftChain Chain) : NftCommand
    {
        /// <inheritdoc/>
        public override string ToString() => $"delete chain {Chain}";
    }

    /// <summary><c>delete set|map inet t s</c>: deletes a set no rule refers to.</summary>
    public sealed record DeleteSet(NftSet Set) : NftCommand
    {
        /// <inheritdoc/>
        public override string ToString() => $"delete {Set.Keyword} {Set}";
    }
}
