namespace Palisade.Datapath.Nft;

/// <summary>The names nft accepts for tables, chains, sets and maps: unquoted, as nft 1.0.6 has no quoted names.</summary>
internal static class NftName
{
    /// <summary>The longest name the kernel takes (256 bytes with the terminating NUL).</summary>
    public const int MaxLength = 255;

    /// <summary>
    /// Returns <paramref name="name"/> when nft can parse it as a name: 1-255 characters, starting with a letter, '_' or
    /// '.', then letters, digits and '_', '.', '-', '/', and not an nft keyword. Otherwise throws, naming
    /// <paramref name="what"/> (e.g. "chain inet palisade fwd").
    /// </summary>
    /// <exception cref="NftException">The name cannot be used.</exception>
    public static string Check(string name, string what)
    {
        var problem = Problem(name);
        return problem is null ? name : throw new NftException($"{what}: {problem}; choose another name");
    }

    private static string? Problem(string name)
    {
        if (name.Length == 0) return "the name is empty";
        if (name.Length > MaxLength) return $"the name has {name.Length} characters, more than nft's {MaxLength}";
        if (!IsStart(name[0])) return $"name '{name}' must start with a letter, '_' or '.'";
        var bad = name.FirstOrDefault(c => !IsStart(c) && !char.IsAsciiDigit(c) && c is not ('-' or '/'));
        if (bad != default) return $"name '{name}' has '{bad}'; nft names have only letters, digits and '_', '.', '-', '/'";
        return NftKeywords.Reserved.Contains(name) ? $"name '{name}' is an nft keyword, which nft cannot read as a name" : null;
    }

    private static bool IsStart(char c) => char.IsAsciiLetter(c) || c is '_' or '.';
}
