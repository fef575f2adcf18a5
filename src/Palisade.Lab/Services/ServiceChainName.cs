using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Palisade.Lab.Model;

namespace Palisade.Lab.Services;

/// <summary>
/// The one place that names the per-Service chains of <c>table ip palisade-services</c>, as kube-proxy's nftables mode
/// does: a prefix, the first 8 base32 characters of the SHA-256 of the full name (unique and visually distinct even
/// when names differ by one digit), and the readable name itself, cut to nft's limit with "..." when too long.
/// </summary>
internal static class ServiceChainName
{
    /// <summary>The longest chain name the kernel takes (NFT_NAME_MAXLEN 256 bytes, with the terminating NUL).</summary>
    public const int MaxLength = 255;

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The chain that picks an endpoint for one port of a Service: <c>service-HASH-ns/name/proto/port</c>.</summary>
    public static string ForService(LabService service, LabServicePort port) => Make("service-", PortName(service, port));

    /// <summary>The chain that translates to one backend: <c>endpoint-HASH-ns/name/proto/port__podIP/targetPort</c>.</summary>
    public static string ForEndpoint(LabService service, ServiceBackend backend) =>
        Make("endpoint-", $"{PortName(service, backend.Port)}__{backend.PodIp}/{backend.TargetPort}");

    /// <summary><paramref name="prefix"/> + hash + "-" + <paramref name="name"/>, with characters nft does not take in a name replaced by "_", at most <see cref="MaxLength"/> long.</summary>
    internal static string Make(string prefix, string name)
    {
        var full = prefix + Hash(name) + "-" + Sanitize(name);
        return full.Length <= MaxLength ? full : full[..(MaxLength - 3)] + "...";
    }

    private static string PortName(LabService service, LabServicePort port) =>
        $"{service.Namespace}/{service.Name}/{NftProtocol.Name(port.Protocol)}/{port.Name ?? port.Port.ToString(CultureInfo.InvariantCulture)}";

    private static string Hash(string name)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var bits = ((ulong)digest[0] << 32) | ((ulong)digest[1] << 24) | ((ulong)digest[2] << 16) | ((ulong)digest[3] << 8) | digest[4];
        var text = new char[8];
        for (var i = 0; i < 8; i++) text[i] = Base32Alphabet[(int)((bits >> (35 - (5 * i))) & 31)];
        return new string(text);
    }

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' ? c : '_'));
}
