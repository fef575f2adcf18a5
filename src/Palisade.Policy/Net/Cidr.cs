using System.Globalization;

namespace Palisade.Policy.Net;

/// <summary>An IPv4 or IPv6 prefix with its host bits cleared.</summary>
public readonly record struct Cidr(IpAddressValue Network, int PrefixLength)
{
    /// <summary>
    /// Parses <c>address/prefix</c>. Host bits are cleared; <paramref name="hadHostBits"/> says whether any were set
    /// (Kubernetes accepts them in ipBlock and uses the masked network).
    /// </summary>
    public static bool TryParse(string text, out Cidr cidr, out bool hadHostBits)
    {
        cidr = default;
        hadHostBits = false;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !IpAddressValue.TryParse(text[..slash], out var address)) return false;
        var prefixText = text[(slash + 1)..];
        if (prefixText.Length == 0 || prefixText.Length > 3 || !prefixText.All(char.IsAsciiDigit)) return false;
        var prefix = int.Parse(prefixText, CultureInfo.InvariantCulture);
        if (prefix > address.Width) return false;
        var masked = address with { Bits = address.Bits & Mask(address.Width, prefix) };
        hadHostBits = masked.Bits != address.Bits;
        cidr = new Cidr(masked, prefix);
        return true;
    }

    /// <summary>Parses a CIDR known to be valid.</summary>
    public static Cidr Parse(string text) =>
        TryParse(text, out var c, out _) ? c : throw new FormatException($"\"{text}\" is not a CIDR");

    /// <summary>True when <paramref name="address"/> lies inside this prefix (same family only).</summary>
    public bool Contains(IpAddressValue address) =>
        address.IsV6 == Network.IsV6 && (address.Bits & Mask(Network.Width, PrefixLength)) == Network.Bits;

    /// <summary>True when <paramref name="other"/> is inside this prefix and is not larger.</summary>
    public bool Contains(Cidr other) => other.PrefixLength >= PrefixLength && Contains(other.Network);

    /// <summary>The n-th address of the prefix (0 = the network address).</summary>
    public IpAddressValue AddressAt(UInt128 offset) => Network with { Bits = Network.Bits + offset };

    /// <summary>How many addresses the prefix holds (saturating for very large IPv6 prefixes).</summary>
    public UInt128 Size => Network.Width - PrefixLength >= 128 ? UInt128.MaxValue : UInt128.One << (Network.Width - PrefixLength);

    private static UInt128 Mask(int width, int prefix)
    {
        if (prefix == 0) return UInt128.Zero;
        var all = width == 32 ? (UInt128)uint.MaxValue : UInt128.MaxValue;
        return (all << (width - prefix)) & all;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Network}/{PrefixLength}";
}
