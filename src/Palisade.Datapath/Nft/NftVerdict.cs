namespace Palisade.Datapath.Nft;

/// <summary>A verdict: what a rule, a verdict map element or the end of a chain does with the packet.</summary>
public sealed record NftVerdict
{
    private NftVerdict(NftVerdictKind kind, string? chain) => (Kind, Chain) = (kind, chain);

    /// <summary>The kind.</summary>
    public NftVerdictKind Kind { get; }

    /// <summary>The target chain of a jump or goto (in the same table); null otherwise.</summary>
    public string? Chain { get; }

    /// <summary><c>accept</c>.</summary>
    public static NftVerdict Accept { get; } = new(NftVerdictKind.Accept, null);

    /// <summary><c>drop</c>.</summary>
    public static NftVerdict Drop { get; } = new(NftVerdictKind.Drop, null);

    /// <summary><c>reject</c> (ICMP port unreachable; a connecting TCP client sees "connection refused").</summary>
    public static NftVerdict Reject { get; } = new(NftVerdictKind.Reject, null);

    /// <summary><c>return</c>.</summary>
    public static NftVerdict Return { get; } = new(NftVerdictKind.Return, null);

    /// <summary><c>continue</c>.</summary>
    public static NftVerdict Continue { get; } = new(NftVerdictKind.Continue, null);

    /// <summary><c>jump CHAIN</c>.</summary>
    public static NftVerdict Jump(string chain) => new(NftVerdictKind.Jump, NftName.Check(chain, $"jump {chain}"));

    /// <summary><c>goto CHAIN</c>.</summary>
    public static NftVerdict Goto(string chain) => new(NftVerdictKind.Goto, NftName.Check(chain, $"goto {chain}"));

    /// <summary>True when the verdict ends the packet's walk through this base chain.</summary>
    public bool IsFinal => Kind is NftVerdictKind.Accept or NftVerdictKind.Drop or NftVerdictKind.Reject;

    /// <summary>Reads a verdict as nft writes it (<c>accept</c>, <c>goto pol</c>...).</summary>
    /// <exception cref="NftException">Not a verdict.</exception>
    public static NftVerdict Parse(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words switch
        {
            ["accept"] => Accept,
            ["drop"] => Drop,
            ["reject"] => Reject,
            ["return"] => Return,
            ["continue"] => Continue,
            ["jump", var chain] => Jump(chain),
            ["goto", var chain] => Goto(chain),
            _ => throw new NftException($"'{text}' is not a verdict: expected accept, drop, reject, return, continue, jump CHAIN or goto CHAIN"),
        };
    }

    /// <summary>The verdict as nft writes it.</summary>
    public override string ToString() => Chain is null ? Kind.ToString().ToLowerInvariant() : $"{Kind.ToString().ToLowerInvariant()} {Chain}";
}
