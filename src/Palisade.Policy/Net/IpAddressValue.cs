using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Palisade.Policy.Net;

/// <summary>An IPv4 or IPv6 address as a 128-bit number, cheap to compare and mask.</summary>
public readonly record struct IpAddressValue(bool IsV6, UInt128 Bits) : IComparable<IpAddressValue>
{
    /// <summary>Address width in bits (32 or 128).</summary>
    public int Width => IsV6 ? 128 : 32;

    /// <summary>
    /// Parses a textual address as Kubernetes does (k8s.io/utils/net ParseIPSloppy): IPv4 is exactly four decimal parts,
    /// where leading zeros are still decimal ("010" is 10, not the octal 8 that <see cref="IPAddress"/> reads), and no
    /// hex; IPv6 without brackets or a zone. False if it is not an address.
    /// </summary>
    public static bool TryParse(string text, out IpAddressValue value)
    {
        value = default;
        if (!text.Contains(':')) return TryParseV4(text, out value);
        if (text.AsSpan().IndexOfAny("[]%") >= 0 || !IPAddress.TryParse(text, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6) return false;
        value = From(ip);
        return true;
    }

    private static bool TryParseV4(string text, out IpAddressValue value)
    {
        value = default;
        var parts = text.Split('.');
        if (parts.Length != 4) return false;
        uint bits = 0;
        foreach (var part in parts)
        {
            if (part.Length == 0 || !part.All(char.IsAsciiDigit)) return false;
            var trimmed = part.TrimStart('0');
            if (trimmed.Length > 3) return false;
            var octet = trimmed.Length == 0 ? 0u : uint.Parse(trimmed, System.Globalization.CultureInfo.InvariantCulture);
            if (octet > 255) return false;
            bits = (bits << 8) | octet;
        }
        value = new IpAddressValue(false, bits);
        return true;
    }

    /// <summary>Converts a BCL address (IPv4-mapped IPv6 stays IPv6).</summary>
    public static IpAddressValue From(IPAddress ip)
    {
        Span<byte> bytes = stackalloc byte[16];
        ip.TryWriteBytes(bytes, out var n);
        return n == 4
            ? new IpAddressValue(false, BinaryPrimitives.ReadUInt32BigEndian(bytes))
            : new IpAddressValue(true, BinaryPrimitives.ReadUInt128BigEndian(bytes));
    }

    /// <summary>The BCL form.</summary>
    public IPAddress ToIpAddress()
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!IsV6)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)Bits);
            return new IPAddress(bytes[..4]);
        }
        BinaryPrimitives.WriteUInt128BigEndian(bytes, Bits);
        return new IPAddress(bytes);
    }

    /// <inheritdoc/>
    public int CompareTo(IpAddressValue other) => IsV6 != other.IsV6 ? IsV6.CompareTo(other.IsV6) : Bits.CompareTo(other.Bits);

    /// <inheritdoc/>
    public override string ToString() => ToIpAddress().ToString();
}
