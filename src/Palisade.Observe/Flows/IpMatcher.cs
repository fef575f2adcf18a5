using System.Net;

namespace Palisade.Observe.Flows;

/// <summary>Matches an address against exact IPs (<c>10.0.0.1</c>) and CIDR ranges (<c>10.0.0.0/24</c>), any of them.</summary>
internal sealed class IpMatcher
{
    private readonly HashSet<IPAddress> addresses = [];
    private readonly List<IPNetwork> networks = [];

    /// <summary>Parses the values; throws <see cref="FlowFilterException"/> naming a malformed one.</summary>
    public IpMatcher(IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            if (value.Contains('/', StringComparison.Ordinal))
            {
                networks.Add(IPNetwork.TryParse(value, out var network)
                    ? network
                    : throw new FlowFilterException($"invalid CIDR in filter: \"{value}\""));
            }
            else
            {
                addresses.Add(IPAddress.TryParse(value, out var address)
                    ? address
                    : throw new FlowFilterException($"invalid IP address in filter: \"{value}\""));
            }
        }
    }

    /// <summary>Whether the address (as a flow carries it) is one of the IPs or in one of the ranges.</summary>
    public bool Matches(string address) =>
        IPAddress.TryParse(address, out var ip) && (addresses.Contains(ip) || networks.Exists(n => n.Contains(ip)));
}
