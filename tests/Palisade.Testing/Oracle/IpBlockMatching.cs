using System.Globalization;
using System.Net;
using k8s.Models;

namespace Palisade.Testing.Oracle;

/// <summary>ipBlock matching: in the CIDR and in none of the excepts, host bits ignored, IPv4 and IPv6.</summary>
public static class IpBlockMatching
{
    /// <summary>True if <paramref name="ip"/> is inside block.cidr and inside none of block.except.</summary>
    public static bool Matches(V1IPBlock block, string ip)
    {
        if (!IPAddress.TryParse(ip, out var address))
        {
            return false;
        }

        return InCidr(address, block.Cidr) && !(block.Except ?? []).Any(except => InCidr(address, except));
    }

    /// <summary>True if the first prefix-length bits of the address equal those of the CIDR's address.</summary>
    public static bool InCidr(IPAddress address, string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var network = IPAddress.Parse(cidr[..slash]);
        var prefixLength = int.Parse(cidr[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
        if (network.AddressFamily != address.AddressFamily)
        {
            return false;
        }

        var addressBytes = address.GetAddressBytes();
        var networkBytes = network.GetAddressBytes();
        for (var bit = 0; bit < prefixLength; bit++)
        {
            if (Bit(addressBytes, bit) != Bit(networkBytes, bit))
            {
                return false;
            }
        }

        return true;
    }

    private static int Bit(byte[] bytes, int index) => (bytes[index / 8] >> (7 - (index % 8))) & 1;
}
