using System.Globalization;

namespace Palisade.Policy.Cilium;

/// <summary>
/// ICMP type names Cilium accepts per family (<c>pkg/policy/api/icmp.go</c>) and their numbers. A name is looked
/// up in its family's table only: <c>EchoRequest</c> is 8 for IPv4 and 128 for IPv6.
/// </summary>
public static class IcmpTypes
{
    /// <summary>The IPv4 family name.</summary>
    public const string IPv4 = "IPv4";

    /// <summary>The IPv6 family name.</summary>
    public const string IPv6 = "IPv6";

    /// <summary>ICMPv4 names.</summary>
    public static IReadOnlyDictionary<string, int> V4 { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["EchoReply"] = 0, ["DestinationUnreachable"] = 3, ["Redirect"] = 5, ["Echo"] = 8, ["EchoRequest"] = 8,
        ["RouterAdvertisement"] = 9, ["RouterSelection"] = 10, ["TimeExceeded"] = 11, ["ParameterProblem"] = 12,
        ["Timestamp"] = 13, ["TimestampReply"] = 14, ["Photuris"] = 40, ["ExtendedEchoRequest"] = 42,
        ["ExtendedEchoReply"] = 43,
    };

    /// <summary>ICMPv6 names.</summary>
    public static IReadOnlyDictionary<string, int> V6 { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["DestinationUnreachable"] = 1, ["PacketTooBig"] = 2, ["TimeExceeded"] = 3, ["ParameterProblem"] = 4,
        ["EchoRequest"] = 128, ["EchoReply"] = 129, ["MulticastListenerQuery"] = 130, ["MulticastListenerReport"] = 131,
        ["MulticastListenerDone"] = 132, ["RouterSolicitation"] = 133, ["RouterAdvertisement"] = 134,
        ["NeighborSolicitation"] = 135, ["NeighborAdvertisement"] = 136, ["RedirectMessage"] = 137,
        ["RouterRenumbering"] = 138, ["ICMPNodeInformationQuery"] = 139, ["ICMPNodeInformationResponse"] = 140,
        ["InverseNeighborDiscoverySolicitation"] = 141, ["InverseNeighborDiscoveryAdvertisement"] = 142,
        ["HomeAgentAddressDiscoveryRequest"] = 144, ["HomeAgentAddressDiscoveryReply"] = 145,
        ["MobilePrefixSolicitation"] = 146, ["MobilePrefixAdvertisement"] = 147,
        ["DuplicateAddressRequestCodeSuffix"] = 157, ["DuplicateAddressConfirmationCodeSuffix"] = 158,
        ["ExtendedEchoRequest"] = 160, ["ExtendedEchoReply"] = 161,
    };

    /// <summary>The name table of <paramref name="family"/> (IPv4 for anything but <c>IPv6</c>).</summary>
    public static IReadOnlyDictionary<string, int> Names(string family) => family == IPv6 ? V6 : V4;

    /// <summary>
    /// Resolves a type written as digits (0–255, as Cilium reads <c>"8"</c> and <c>8</c> alike) or as a name of
    /// <paramref name="family"/>.
    /// </summary>
    public static bool TryResolve(string family, string text, out int code)
    {
        if (text.Length is > 0 and <= 3 && text.All(char.IsAsciiDigit))
        {
            code = int.Parse(text, CultureInfo.InvariantCulture);
            return code <= 255;
        }
        return Names(family).TryGetValue(text, out code);
    }
}
