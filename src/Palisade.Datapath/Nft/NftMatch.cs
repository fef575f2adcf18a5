namespace Palisade.Datapath.Nft;

/// <summary>A match of a field against one value or any of several: <c>ip saddr 10.0.0.0/8</c>, <c>ct state established,related</c>, <c>meta l4proto { tcp, udp }</c>, <c>iifname != "eth0"</c>.</summary>
public sealed record NftMatch : NftStatement
{
    /// <summary>Makes the match.</summary>
    /// <exception cref="NftException">No values, or a value of another type than the field's.</exception>
    public NftMatch(NftField field, IReadOnlyList<NftValue> values, bool negated = false)
    {
        if (values.Count == 0) throw new NftException($"a match on {NftSyntax.Of(field)} needs at least one value");
        var type = NftSyntax.TypeOf(field);
        var wrong = values.FirstOrDefault(v => v.Type != type);
        if (wrong is not null) throw new NftException($"{NftSyntax.Of(field)} cannot match {wrong}, a {NftSyntax.Of(wrong.Type)}: it takes a {NftSyntax.Of(type)}");
        (Field, Values, Negated) = (field, [.. values], negated);
    }

    /// <summary>The field.</summary>
    public NftField Field { get; }

    /// <summary>The values; the match holds when the field has any of them (none of them when negated).</summary>
    public IReadOnlyList<NftValue> Values { get; }

    /// <summary>True for <c>!=</c>.</summary>
    public bool Negated { get; init; }

    /// <summary>A match of <paramref name="field"/> against values written as nft writes them.</summary>
    /// <exception cref="NftException">A value is not of the field's type.</exception>
    public static NftMatch Of(NftField field, params string[] values) =>
        new(field, [.. values.Select(v => NftValue.Parse(NftSyntax.TypeOf(field), v))]);

    /// <summary>The negated match: the field has none of the values.</summary>
    public static NftMatch Not(NftField field, params string[] values) => Of(field, values) with { Negated = true };

    /// <inheritdoc/>
    public override string ToString()
    {
        var operand = Values.Count == 1 ? Values[0].ToString()
            : Field == NftField.CtState ? string.Join(',', Values)
            : $"{{ {string.Join(", ", Values)} }}";
        return $"{NftSyntax.Of(Field)} {(Negated ? "!= " : "")}{operand}";
    }
}
