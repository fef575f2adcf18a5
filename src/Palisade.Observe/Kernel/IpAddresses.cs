using System.Buffers.Binary;
using System.Net;

namespace Palisade.Observe.Kernel;

/// <summary>
/// Addresses held as numbers: an IPv4 address is its 32-bit big-endian value (10.0.0.1 is 0x0A000001), an IPv6
/// address its 128-bit big-endian value; <see cref="ToIPAddress"/> makes the object when one is wanted.
/// </summary>
internal static class IpAddresses
{
    /// <summary>The address <paramref name="value"/> as an <see cref="IPAddress"/> of the given version.</summary>
    public static IPAddress ToIPAddress(UInt128 value, bool ipv6)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!ipv6)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)value);
            return new IPAddress(bytes[..4]);
        }
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    /// <summary>The number for the address in <paramref name="bytes"/> (4 bytes for IPv4, 16 for IPv6, network order).</summary>
    public static UInt128 FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 16 ? BinaryPrimitives.ReadUInt128BigEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
}
