using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Palisade.Agent.Compilation;

/// <summary>
/// Gives the data plane's numbers to what the engine tells apart: pods' endpoint classes in
/// [<see cref="FirstClass"/>, <see cref="FirstOutside"/>) and outside address blocks from <see cref="FirstOutside"/> on
/// (a local CIDR identity, as Cilium numbers them). A number comes from a hash of the thing's stable key, so the same
/// labels get the same number after one more pod, one more policy, or a restart of the agent — which is what keeps
/// an incremental update small. Two keys that hash alike are told apart by probing to the next free number, and a
/// number once given keeps its key for as long as this instance lives. Not thread-safe.
/// </summary>
public sealed class IdentityNumbering
{
    /// <summary>The host identity (the local node), as in Cilium.</summary>
    public const uint Host = 1;

    /// <summary>The remote-node identity, as in Cilium.</summary>
    public const uint RemoteNode = 6;

    /// <summary>Where pods' endpoint classes start.</summary>
    public const uint FirstClass = 256;

    /// <summary>Where outside blocks start (Cilium's local CIDR identity scope, 1 &lt;&lt; 24).</summary>
    public const uint FirstOutside = 1u << 24;

    private readonly Dictionary<string, uint> byKey = new(StringComparer.Ordinal);

    /// <summary>The numbers of the node's verdicts.</summary>
    public VerdictNumbering Verdicts { get; } = new();

    private readonly Dictionary<uint, string> byNumber = [];

    /// <summary>The number of a pod class with stable key <paramref name="key"/>.</summary>
    public uint Class(string key) => Number("class|" + key, FirstClass, FirstOutside - FirstClass);

    /// <summary>The number of outside addresses that lie in exactly the policy CIDRs (and DNS names) <paramref name="key"/> lists.</summary>
    public uint Outside(string key) => Number("outside|" + key, FirstOutside, uint.MaxValue - FirstOutside);

    /// <summary>Forgets every number not in <paramref name="inUse"/>, so that they can be given again.</summary>
    public void Retain(IReadOnlySet<uint> inUse)
    {
        foreach (var (number, key) in byNumber.Where(p => !inUse.Contains(p.Key)).ToList())
        {
            byNumber.Remove(number);
            byKey.Remove(key);
        }
    }

    private uint Number(string key, uint first, uint span)
    {
        if (byKey.TryGetValue(key, out var known)) return known;
        var offset = (uint)(BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key))) % span);
        while (byNumber.ContainsKey(first + offset)) offset = (offset + 1) % span;
        var number = first + offset;
        byKey[key] = number;
        byNumber[number] = key;
        return number;
    }
}
