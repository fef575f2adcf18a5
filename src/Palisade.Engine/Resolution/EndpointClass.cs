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
    internal EndpointClass(int index, Identity? identity, IReadOnlyList<NamedPort> ports, BitArray cidrBits)
    {
        Index = index;
        Identity = identity;
        Ports = ports;
        CidrBits = cidrBits;
    }

    /// <summary>Dense index of the class (0..n-1).</summary>
    public int Index { get; }

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
