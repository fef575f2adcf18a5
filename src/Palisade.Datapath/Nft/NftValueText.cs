using System.Globalization;
using System.Net;
using System.Numerics;

namespace Palisade.Datapath.Nft;

/// <summary>Reads and writes <see cref="NftValue"/>s in nft's notation.</summary>
internal static class NftValueText
{
    private static readonly (string Name, uint Number)[] Protocols =
    [
        ("icmp", 1), ("igmp", 2), ("tcp", 6), ("udp", 17), ("dccp", 33), ("gre", 47), ("esp", 50), ("ah", 51),
        ("icmpv6", 58), ("ipv6-icmp", 58), ("sctp", 132), ("udplite", 136),
    ];

    private static readonly string[] States = ["invalid", "established", "related", "new", "untracked"];

    public static NftValue Parse(NftDataType type, string text) => type switch
    {
        NftDataType.Ipv4Addr => ParseAddress(text),
        NftDataType.InetProto => NftValue.Range(type, ParseProtocol(text), ParseProtocol(text)),
        NftDataType.InetService => ParseInterval(type, text, ParsePort),
        NftDataType.Mark => ParseInterval(type, text, ParseMark),
        NftDataType.CtState => NftValue.State(Enum.TryParse<NftCtState>(text, true, out var s) && States.Contains(text) ? s : throw Invalid(type, text, "new, established, related, invalid or untracked")),
        NftDataType.NfProto => NftValue.Family(text == "ipv6" || (text == "ipv4" ? false : throw Invalid(type, text, "ipv4 or ipv6"))),
        _ => NftValue.Interface(text.Trim('"')),
    };

    public static string Format(NftValue value) => value.Type switch
    {
        NftDataType.Ipv4Addr => FormatAddress(value),
        NftDataType.InetProto => Protocols.FirstOrDefault(p => p.Number == value.Low).Name ?? value.Low.ToString(CultureInfo.InvariantCulture),
        NftDataType.InetService => FormatInterval(value, n => n.ToString(CultureInfo.InvariantCulture)),
        NftDataType.Mark => FormatInterval(value, n => "0x" + n.ToString("x8", CultureInfo.InvariantCulture)),
        NftDataType.CtState => ((NftCtState)value.Low).ToString().ToLowerInvariant(),
        NftDataType.NfProto => value.Low == NftValue.Ipv6Family ? "ipv6" : "ipv4",
        _ => $"\"{value.Name}\"",
    };

    private static NftValue ParseAddress(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            return int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length <= 32
                ? NftValue.Prefix(ReadAddress(text[..slash], text), length)
                : throw Invalid(NftDataType.Ipv4Addr, text, "a prefix length 0-32 after '/'");
        }
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? NftValue.Address(ReadAddress(text, text))
            : Range(NftDataType.Ipv4Addr, text, NftValue.ToNumber(ReadAddress(text[..dash], text)), NftValue.ToNumber(ReadAddress(text[(dash + 1)..], text)));
    }

    private static NftValue Range(NftDataType type, string text, uint low, uint high) =>
        low <= high ? NftValue.Range(type, low, high) : throw Invalid(type, text, "a range whose start is not above its end");

    private static IPAddress ReadAddress(string part, string text) =>
        part.Split('.').Length == 4 && IPAddress.TryParse(part, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? address
            : throw Invalid(NftDataType.Ipv4Addr, text, "an address a.b.c.d, a prefix a.b.c.d/len or a range a.b.c.d-e.f.g.h");

    private static NftValue ParseInterval(NftDataType type, string text, Func<string, string, uint> read)
    {
        var dash = text.IndexOf('-', 1);
        return dash < 0
            ? Range(type, text, read(text, text), read(text, text))
            : Range(type, text, read(text[..dash], text), read(text[(dash + 1)..], text));
    }

    private static uint ParsePort(string part, string text) =>
        uint.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= ushort.MaxValue
            ? port
            : throw Invalid(NftDataType.InetService, text, "a port 0-65535 or a range such as 80-90 (numbers, not service names)");

    private static uint ParseMark(string part, string text)
    {
        var ok = part.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(part.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mark)
            : uint.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out mark);
        return ok ? mark : throw Invalid(NftDataType.Mark, text, "a 32-bit number, decimal or 0x hex, or a range of them");
    }

    private static uint ParseProtocol(string text)
    {
        if (uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= byte.MaxValue) return number;
        var known = Protocols.FirstOrDefault(p => p.Name == text);
        return known.Name is not null ? known.Number : throw Invalid(NftDataType.InetProto, text, "tcp, udp, sctp, icmp, icmpv6, ... or a number 0-255");
    }

    private static string FormatAddress(NftValue value)
    {
        var size = (ulong)value.High - value.Low + 1;
        var isPrefix = BitOperations.IsPow2(size) && (value.Low & (uint)(size - 1)) == 0;
        if (!value.IsInterval) return NftValue.ToAddress(value.Low).ToString();
        return isPrefix
            ? $"{NftValue.ToAddress(value.Low)}/{32 - BitOperations.Log2(size)}"
            : $"{NftValue.ToAddress(value.Low)}-{NftValue.ToAddress(value.High)}";
    }

    private static string FormatInterval(NftValue value, Func<uint, string> one) =>
        value.IsInterval ? $"{one(value.Low)}-{one(value.High)}" : one(value.Low);

    private static NftException Invalid(NftDataType type, string text, string expected) =>
        new($"'{text}' is not a valid {NftSyntax.Of(type)}: expected {expected}");
}
