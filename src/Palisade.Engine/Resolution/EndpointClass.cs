using System.Collections;
using Palisade.Engine.Cluster;
using Palisade.Engine.Identities;

namespace Palisade.Engine.Resolution;

/// <summary>
/// Endpoints no rule can tell apart: same identity, same named ports, and inside the same CIDR peers. Verdicts are
/// computed per class pair, which is why cost follows the number of identities rather than of pods.
/// </summary>
public sealed class EndpointClass
{
    internal EndpointClass(int index, string key, Identity? identity, IReadOnlyList<NamedPort> ports, BitArray cidrBits, bool audit)
    {
        Audit = audit;
        Index = index;
        Key = key;
        Identity = identity;
        Ports = ports;
        CidrBits = cidrBits;
    }

    /// <summary>Dense index of the class (0..n-1).</summary>
    public int Index { get; }

    /// <summary>
    /// What makes the class, as text that does not depend on the rest of the cluster: the identity's labels, the named
    /// ports, the CIDR peers the members lie in and the audit mode. The same pods under another engine (one more pod elsewhere, one more
    /// policy) have the same key, so a data plane can number classes stably.
    /// </summary>
    public string Key { get; }

    /// <summary>
    /// True when the members are in audit mode (their annotation, or the engine's cluster-wide
    /// <see cref="EngineOptions.Audit"/>): no policy is enforced on them; would-be drops are audit verdicts.
    /// </summary>
    public bool Audit { get; }

    /// <summary>The identity, or null for an exempt host-network pod.</summary>
    public Identity? Identity { get; }

    /// <summary>The named container ports of its members.</summary>
    public IReadOnlyList<NamedPort> Ports { get; }

    /// <summary>Bit i is set when the members' address lies in CIDR peer i (and the peer may match them).</summary>
    internal BitArray CidrBits { get; }

    /// <summary>The endpoints of the class.</summary>
    public List<Endpoint> Members { get; } = [];

    /// <summary>The port number a named port resolves to for these endpoints, or null.</summary>
    public int? Resolve(string name, Ports.Protocol protocol) => Members[0].Resolve(name, protocol);
}
