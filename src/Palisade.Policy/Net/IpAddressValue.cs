using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Palisade.Policy.Net;

/// <summary>An IPv4 or IPv6 address as a 128-bit number, cheap to compare and mask.</summary>
public readonly record struct IpAddressValue(bool IsV6, UInt128 Bits) : IComparable<IpAddressValue>
{
    /// <summary>Address width in bits (32 or 128).</summary>
    public int Width => IsV6 ? 128 : 32;

    /// <summary>Parses a textual address; false if it is not one.</summary>
    public static bool TryParse(string text, out IpAddressValue value)
    {
        value = default;
        if (!IPAddress.TryParse(text, out var ip) || text.Contains('%')) return false;
        if (ip.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3) return false;
        value = From(ip);
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
