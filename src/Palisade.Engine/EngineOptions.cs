using Palisade.Engine.Ir;
using Palisade.Policy.Net;

namespace Palisade.Engine;

/// <summary>Inputs of the engine besides the cluster state and the policies.</summary>
public sealed record EngineOptions
{
    /// <summary>
    /// Resolves a toFQDNs peer to the addresses learned for the names it matches (from the DNS proxy, or a
    /// <c>--dns-cache</c> file for analysis). Null: no name has been learned, so toFQDNs peers match nothing.
    /// </summary>
    public Func<FqdnPeer, IEnumerable<IpAddressValue>>? AddressesOf { get; init; }

    /// <summary>The DNS names learned for an address (for explanations); null when no name has been learned.</summary>
    public Func<IpAddressValue, IEnumerable<string>>? NamesOf { get; init; }
}
