using System.Buffers.Binary;

namespace Palisade.Observe.Kernel;

/// <summary>
/// Walks the attributes (<c>struct nlattr</c>: length, type, value, padded to 4 bytes) in a span without copying. A
/// malformed length ends the walk rather than throwing, so a bad message never stops a reader.
/// </summary>
internal ref struct NetlinkAttributes
{
    private const int TypeMask = 0x3fff;
    private readonly ReadOnlySpan<byte> data;
    private int offset;

    /// <summary>Walks <paramref name="data"/>, which starts at the first attribute.</summary>
    public NetlinkAttributes(ReadOnlySpan<byte> data)
    {
        this.data = data;
        offset = 0;
    }

    /// <summary>The next attribute's type (without the nested and byte-order flags) and value; false at the end.</summary>
    public bool Next(out ushort type, out ReadOnlySpan<byte> value)
    {
        type = 0;
        value = default;
        if (offset + 4 > data.Length) return false;
        var length = BinaryPrimitives.ReadUInt16LittleEndian(data[offset..]);
        if (length < 4 || offset + length > data.Length) return false;
        type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(data[(offset + 2)..]) & TypeMask);
        value = data.Slice(offset + 4, length - 4);
        offset += Netlink.Align(length);
        return true;
    }
}
