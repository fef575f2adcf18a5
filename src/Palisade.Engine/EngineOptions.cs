using Palisade.Engine.Fqdn;
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

    /// <summary>
    /// Cluster-wide audit mode (Cilium's policy audit mode): every endpoint, pods and nodes, is in audit, so no policy
    /// drops anything and what enforcing the policies would drop is an <see cref="Verdicts.SideReason.Audit"/> verdict.
    /// </summary>
    public bool Audit { get; init; }

    /// <summary>
    /// Options whose toFQDNs peers resolve through <paramref name="cache"/>. Analysis takes every learned name as
    /// current (a cache file is a snapshot), so TTLs are not applied. An empty cache gives the default options.
    /// </summary>
    public static EngineOptions LearnedFrom(FqdnCache cache) => cache.Count == 0 ? new EngineOptions() : new EngineOptions
    {
        AddressesOf = peer => cache.Matching(peer.Pattern).Select(e => e.Address),
        NamesOf = address => cache.NamesOf(address),
    };
}
