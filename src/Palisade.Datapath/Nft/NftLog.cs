namespace Palisade.Datapath.Nft;

/// <summary><c>log prefix "..." group N</c>: logs the packet (to NFLOG group N when a group is given, else to the kernel log).</summary>
public sealed record NftLog : NftStatement
{
    /// <summary>The longest prefix nft takes.</summary>
    public const int MaxPrefix = 127;

    /// <summary>Makes the log statement.</summary>
    /// <exception cref="NftException">A prefix nft cannot take (too long, a quote or a line break), or a group outside 0-65535.</exception>
    public NftLog(string? prefix = null, int? group = null)
    {
        if (prefix is not null && (prefix.Length > MaxPrefix || prefix.Any(c => c is '"' or '\\' || char.IsControl(c))))
        {
            throw new NftException($"log prefix '{prefix}' must have at most {MaxPrefix} characters and no quotes, backslashes or control characters");
        }
        if (group is < 0 or > ushort.MaxValue) throw new NftException($"log group {group} is outside 0-65535");
        (Prefix, Group) = (prefix, group);
    }

    /// <summary>The prefix, or null.</summary>
    public string? Prefix { get; }

    /// <summary>The NFLOG group, or null.</summary>
    public int? Group { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        "log" + (Prefix is null ? "" : $" prefix \"{Prefix}\"") + (Group is null ? "" : $" group {Group}");
}
