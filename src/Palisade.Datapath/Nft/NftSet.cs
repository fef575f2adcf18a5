namespace Palisade.Datapath.Nft;

/// <summary>A named set (keys only) or map (keys to a mark or a verdict, when <see cref="Data"/> is set) of a table.</summary>
public sealed record NftSet
{
    /// <summary>Makes the set or map.</summary>
    /// <exception cref="NftException">The name cannot be an nft name.</exception>
    public NftSet(NftTable table, string name, NftKeyType key, NftSetFlags flags = NftSetFlags.None, NftMapData? data = null)
    {
        Table = table;
        Name = NftName.Check(name, $"{(data is null ? "set" : "map")} {table} {name}");
        (Key, Flags, Data) = (key, flags, data);
    }

    /// <summary>The table.</summary>
    public NftTable Table { get; }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The key type.</summary>
    public NftKeyType Key { get; }

    /// <summary>The flags.</summary>
    public NftSetFlags Flags { get; }

    /// <summary>What a map's keys map to; null for a set.</summary>
    public NftMapData? Data { get; }

    /// <summary>True for a map.</summary>
    public bool IsMap => Data is not null;

    /// <summary>"set" or "map", as nft commands say.</summary>
    public string Keyword => IsMap ? "map" : "set";

    /// <summary>The body of the declaration: <c>{ type ipv4_addr : mark; flags interval; }</c>.</summary>
    public string Declaration
    {
        get
        {
            var type = Data is { } data ? $"{Key} : {NftSyntax.Of(data)}" : Key.ToString();
            return Flags == NftSetFlags.None ? $"{{ type {type}; }}" : $"{{ type {type}; flags {NftSyntax.Of(Flags)}; }}";
        }
    }

    /// <summary>Reads an element as nft writes it (<c>10.0.0.0/8 . tcp . 80-90</c>, <c>10.0.0.1 : 0x1</c>, <c>... : goto pol</c>) and checks it.</summary>
    /// <exception cref="NftException">The text does not fit this set's types; the message names the set and the element.</exception>
    public NftElement Element(string text)
    {
        var colon = text.IndexOf(" : ", StringComparison.Ordinal);
        var parts = (colon < 0 ? text : text[..colon]).Split(" . ");
        var data = colon < 0 ? null : text[(colon + 3)..].Trim();
        if (parts.Length != Key.Parts.Count) throw Misfit(text, $"it has {parts.Length} key parts, the key type has {Key.Parts.Count}");
        if (Data is null && data is not null) throw Misfit(text, "a set holds keys only, not ': value'");
        NftElement element;
        try
        {
            element = new NftElement([.. parts.Select((p, i) => NftValue.Parse(Key.Parts[i], p.Trim()))],
                Data == NftMapData.Mark && data is not null ? NftValue.Parse(NftDataType.Mark, data) : null,
                Data == NftMapData.Verdict && data is not null ? NftVerdict.Parse(data) : null);
        }
        catch (NftException e)
        {
            throw Misfit(text, e.Message);
        }
        return Check(element);
    }

    /// <summary>Returns <paramref name="element"/> when it fits this set: its key parts have the key type's types, prefixes and ranges only in an interval set, and it carries exactly what the map maps to.</summary>
    /// <exception cref="NftException">It does not fit; the message says why.</exception>
    public NftElement Check(NftElement element)
    {
        var problem = KeyProblem(element) ?? DataProblem(element);
        return problem is null ? element : throw Misfit(element.ToString(), problem);
    }

    /// <summary>The set as nft commands name it: <c>inet palisade allowed</c>.</summary>
    public override string ToString() => $"{Table} {Name}";

    private string? KeyProblem(NftElement element)
    {
        if (element.Key.Count != Key.Parts.Count) return $"it has {element.Key.Count} key parts, the key type has {Key.Parts.Count}";
        var wrong = element.Key.Select((v, i) => (v, i)).FirstOrDefault(p => p.v.Type != Key.Parts[p.i]);
        if (wrong.v is not null) return $"key part {wrong.i + 1} is a {NftSyntax.Of(wrong.v.Type)}, the key type wants a {NftSyntax.Of(Key.Parts[wrong.i])}";
        if (element.Key.Any(v => v.IsWildcard)) return "a wildcard interface name can be matched by a rule, not stored in a set";
        var interval = element.Key.FirstOrDefault(v => v.IsInterval);
        return interval is not null && !Flags.HasFlag(NftSetFlags.Interval)
            ? $"{interval} is a prefix or range, which needs flags interval on the {Keyword}"
            : null;
    }

    private string? DataProblem(NftElement element) => Data switch
    {
        null when element.Mark is not null || element.Verdict is not null => "a set holds keys only, not ': value'",
        NftMapData.Mark when element.Mark is null || element.Verdict is not null => "this map maps keys to marks: write 'key : mark'",
        NftMapData.Mark when element.Mark!.IsInterval || element.Mark.Type != NftDataType.Mark => $"{element.Mark} is not one mark",
        NftMapData.Verdict when element.Verdict is null || element.Mark is not null => "this map maps keys to verdicts: write 'key : accept' (or drop, jump CHAIN, goto CHAIN, return, continue)",
        NftMapData.Verdict when element.Verdict!.Kind == NftVerdictKind.Reject => "reject is a statement, not a verdict a map can hold; map to a chain that rejects",
        _ => null,
    };

    private NftException Misfit(string element, string problem) =>
        new($"element '{element}' does not fit {Keyword} {this} (type {Key}{(Data is { } d ? " : " + NftSyntax.Of(d) : "")}): {problem}");
}
