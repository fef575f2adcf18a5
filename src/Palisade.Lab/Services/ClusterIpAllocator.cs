using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Palisade.Lab.Services;

/// <summary>
/// Hands out ClusterIPs from a service CIDR as the API server would, but deterministically: a Service without a
/// requested <c>spec.clusterIP</c> gets the address at a hash of its "namespace/name" in the range, or the next free one
/// after it. The first host (.1) belongs to default/kubernetes and the tenth (.10) to kube-system/kube-dns; nobody else
/// gets them. The network and broadcast addresses are never handed out.
/// </summary>
internal sealed class ClusterIpAllocator
{
    /// <summary>The <c>spec.clusterIP</c> of a headless Service.</summary>
    public const string Headless = "None";

    /// <summary>The range kubeadm uses by default.</summary>
    public static IPNetwork DefaultCidr { get; } = IPNetwork.Parse("10.96.0.0/16");

    /// <summary>Host offsets kept for one Service each: the API server's and the cluster DNS's.</summary>
    private static readonly Dictionary<uint, string> Reserved = new() { [1] = "default/kubernetes", [10] = "kube-system/kube-dns" };

    private readonly IPNetwork cidr;
    private readonly uint network;
    private readonly uint hosts;
    private readonly Dictionary<string, uint> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, string> byOffset = [];

    /// <summary>An allocator over <paramref name="cidr"/> that already holds <paramref name="existing"/> ("namespace/name" to address).</summary>
    public ClusterIpAllocator(IPNetwork cidr, IReadOnlyDictionary<string, IPAddress> existing)
    {
        if (cidr.BaseAddress.AddressFamily != AddressFamily.InterNetwork || cidr.PrefixLength > 28)
        {
            throw new LabException($"service CIDR {cidr} cannot be used: give an IPv4 network of /28 or larger (e.g. {DefaultCidr})");
        }
        this.cidr = cidr;
        network = ToUInt(cidr.BaseAddress);
        hosts = (1u << (32 - cidr.PrefixLength)) - 2;
        foreach (var (key, address) in existing.OrderBy(e => e.Key, StringComparer.Ordinal)) Take(key, Validated(key, address.ToString()));
    }

    /// <summary>
    /// The ClusterIP of Service <paramref name="key"/> ("namespace/name"): <paramref name="requested"/> when given (its
    /// <c>spec.clusterIP</c>), null for a headless Service ("None"), else the address it already holds or a new one.
    /// </summary>
    /// <exception cref="LabException">The requested address is not an IPv4 address, is outside the CIDR, is reserved or is taken, or the CIDR is full.</exception>
    public IPAddress? Allocate(string key, string? requested)
    {
        if (requested == Headless)
        {
            Release(key);
            return null;
        }
        var offset = string.IsNullOrEmpty(requested) ? Held(key) ?? Pick(key) : Validated(key, requested);
        Release(key);
        Take(key, offset);
        return ToAddress(offset);
    }

    /// <summary>Frees the address of Service <paramref name="key"/>, if it holds one.</summary>
    public void Release(string key)
    {
        if (byKey.Remove(key, out var offset)) byOffset.Remove(offset);
    }

    private uint? Held(string key) => byKey.TryGetValue(key, out var offset) ? offset : null;

    private uint Validated(string key, string requested)
    {
        if (!IPAddress.TryParse(requested, out var address) || address.AddressFamily != AddressFamily.InterNetwork || address.ToString() != requested)
        {
            throw new LabException($"service {key}: spec.clusterIP \"{requested}\" is not an IPv4 address; give one in {cidr}, \"None\" for a headless Service, or leave it empty");
        }
        var offset = ToUInt(address) - network;
        if (!cidr.Contains(address) || offset == 0 || offset > hosts)
        {
            throw new LabException($"service {key}: spec.clusterIP {requested} is outside the service CIDR {cidr} (or is its network or broadcast address); pick a host address in {cidr} or leave spec.clusterIP empty");
        }
        if (Reserved.TryGetValue(offset, out var owner) && owner != key)
        {
            throw new LabException($"service {key}: spec.clusterIP {requested} is reserved for service {owner}; pick another address in {cidr} or leave spec.clusterIP empty");
        }
        if (byOffset.TryGetValue(offset, out var holder) && holder != key)
        {
            throw new LabException($"service {key}: spec.clusterIP {requested} is already used by service {holder}; pick another address in {cidr} or leave spec.clusterIP empty");
        }
        return offset;
    }

    private uint Pick(string key)
    {
        var own = Reserved.FirstOrDefault(r => r.Value == key).Key;
        if (own != 0 && !byOffset.ContainsKey(own)) return own;
        var start = HashOffset(key);
        for (uint step = 0; step < hosts; step++)
        {
            var offset = ((start - 1 + step) % hosts) + 1;
            if (!Reserved.ContainsKey(offset) && !byOffset.ContainsKey(offset)) return offset;
        }
        throw new LabException($"service {key}: no ClusterIP is left in the service CIDR {cidr}; delete unused Services or use a larger CIDR");
    }

    /// <summary>A host offset in 1..hosts from the SHA-256 of the key.</summary>
    private uint HashOffset(string key) =>
        (BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key))) % hosts) + 1;

    private void Take(string key, uint offset)
    {
        byKey[key] = offset;
        byOffset[offset] = key;
    }

    private IPAddress ToAddress(uint offset)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, network + offset);
        return new IPAddress(bytes);
    }

    private static uint ToUInt(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());
}
