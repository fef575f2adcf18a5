using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Palisade.Datapath.Nft;

/// <summary>
/// One typed value: a single value, or for the numeric types an interval [<see cref="Low"/>, <see cref="High"/>] (a
/// prefix or range). Values are canonical: a range that is a prefix prints as one, a one-value range as the value, and
/// equal intervals are equal however they were written. Interface names carry their text instead.
/// </summary>
public sealed record NftValue
{
    private NftValue(NftDataType type, uint low, uint high, string? name = null) => (Type, Low, High, Name) = (type, low, high, name);

    /// <summary>The data type.</summary>
    public NftDataType Type { get; }

    /// <summary>The lowest value covered (IPv4 addresses as big-endian numbers).</summary>
    public uint Low { get; }

    /// <summary>The highest value covered.</summary>
    public uint High { get; }

    /// <summary>The interface name (for <see cref="NftDataType.IfName"/> only).</summary>
    public string? Name { get; }

    /// <summary>True when the value covers more than one value (a prefix or a range).</summary>
    public bool IsInterval => Low != High;

    /// <summary>True when <paramref name="value"/> lies in [<see cref="Low"/>, <see cref="High"/>].</summary>
    public bool Contains(uint value) => Low <= value && value <= High;

    /// <summary>True when the two values share at least one value.</summary>
    public bool Overlaps(NftValue other) => Low <= other.High && other.Low <= High;

    /// <summary>An IPv4 address.</summary>
    public static NftValue Address(IPAddress address) => Prefix(address, 32);

    /// <summary>An IPv4 prefix; host bits are cleared, as nft does.</summary>
    /// <exception cref="NftException">Not IPv4, or a length outside 0-32.</exception>
    public static NftValue Prefix(IPAddress address, int length)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork) throw new NftException($"'{address}' is not an IPv4 address; this data plane handles ipv4_addr only");
        if (length is < 0 or > 32) throw new NftException($"prefix length {length} is outside 0-32");
        var host = length == 32 ? 0u : uint.MaxValue >> length;
        var low = ToNumber(address) & ~host;
        return new NftValue(NftDataType.Ipv4Addr, low, low | host);
    }

    /// <summary>An interval of a numeric type (addresses as big-endian numbers).</summary>
    /// <exception cref="NftException">low is above high, or the type has no intervals.</exception>
    public static NftValue Range(NftDataType type, uint low, uint high)
    {
        if (low > high) throw new NftException($"range {low}-{high} of {NftSyntax.Of(type)} is empty: its start is above its end");
        if (low != high && type is NftDataType.InetProto or NftDataType.CtState or NftDataType.IfName or NftDataType.NfProto) throw new NftException($"{NftSyntax.Of(type)} has no ranges");
        if (type == NftDataType.InetService && high > ushort.MaxValue) throw new NftException($"port {high} is outside 0-65535");
        if (type == NftDataType.InetProto && high > byte.MaxValue) throw new NftException($"protocol {high} is outside 0-255");
        return new NftValue(type, low, high);
    }

    /// <summary>A port.</summary>
    public static NftValue Port(int port) => Ports(port, port);

    /// <summary>A port range.</summary>
    public static NftValue Ports(int low, int high) =>
        low < 0 ? throw new NftException($"port {low} is outside 0-65535") : Range(NftDataType.InetService, (uint)low, (uint)high);

    /// <summary>A transport protocol by number (6 tcp, 17 udp, 132 sctp).</summary>
    public static NftValue Protocol(ProtocolType protocol) => Range(NftDataType.InetProto, (uint)protocol, (uint)protocol);

    /// <summary>A mark.</summary>
    public static NftValue Mark(uint mark) => new(NftDataType.Mark, mark, mark);

    /// <summary>The number <c>meta nfproto</c> gives IPv4 packets (NFPROTO_IPV4).</summary>
    public const uint Ipv4Family = 2;

    /// <summary>The number <c>meta nfproto</c> gives IPv6 packets (NFPROTO_IPV6).</summary>
    public const uint Ipv6Family = 10;

    /// <summary>A packet family for <c>meta nfproto</c>.</summary>
    public static NftValue Family(bool ipv6) => ipv6 ? new(NftDataType.NfProto, Ipv6Family, Ipv6Family) : new(NftDataType.NfProto, Ipv4Family, Ipv4Family);

    /// <summary>A conntrack state.</summary>
    public static NftValue State(NftCtState state) => new(NftDataType.CtState, (uint)state, (uint)state);

    /// <summary>An interface name (1-15 characters: letters, digits, '.', '_', '-', '@').</summary>
    /// <exception cref="NftException">Not a usable interface name.</exception>
    public static NftValue Interface(string name) =>
        IsInterfaceName(name.EndsWith('*') ? name[..^1] : name) && name.Length <= 15
            ? new NftValue(NftDataType.IfName, 0, 0, name)
            : throw new NftException($"'{name}' is not an interface name: 1-15 letters, digits, '.', '_', '-' or '@', optionally ending in '*' (a prefix, in matches only)");

    /// <summary>True when the name is a prefix pattern (<c>lxc*</c>): it matches every interface whose name starts so.</summary>
    public bool IsWildcard => Type == NftDataType.IfName && Name!.EndsWith('*');

    /// <summary>True when an interface named <paramref name="name"/> has this value (equal, or starts with a wildcard's prefix).</summary>
    public bool MatchesInterface(string? name) =>
        name is not null && (IsWildcard ? name.StartsWith(Name![..^1], StringComparison.Ordinal) : name == Name);

    private static bool IsInterfaceName(string name) =>
        name.Length >= 1 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');

    /// <summary>Reads <paramref name="text"/> as nft writes a value of <paramref name="type"/>.</summary>
    /// <exception cref="NftException">The text is not a value of that type; the message says what is expected.</exception>
    public static NftValue Parse(NftDataType type, string text) => NftValueText.Parse(type, text);

    /// <summary>The value as nft writes it: <c>10.0.0.0/8</c>, <c>tcp</c>, <c>80-90</c>, <c>0x00000001</c>, <c>"eth0"</c>.</summary>
    public override string ToString() => NftValueText.Format(this);

    internal static uint ToNumber(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());

    internal static IPAddress ToAddress(uint number)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, number);
        return new IPAddress(bytes);
    }
}
