namespace Palisade.Lab.State;

/// <summary>
/// The container images whose behaviour the lab imitates: the star wars demo's deathstar and json-mock, and CoreDNS
/// (a pod with the CoreDNS image is served by the lab's DNS server). Registry, tag and digest are ignored.
/// </summary>
public static class DemoImages
{
    /// <summary>The repository of an image reference, without tag or digest ("quay.io/cilium/starwars").</summary>
    public static string Repository(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var name = at >= 0 ? image[..at] : image;
        var slash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        return colon > slash ? name[..colon] : name;
    }

    /// <summary>True for a CoreDNS image (served by the lab's DNS).</summary>
    public static bool IsCoreDns(string? image) => image is not null && Repository(image).EndsWith("coredns/coredns", StringComparison.Ordinal);

    /// <summary>True for an image the lab imitates.</summary>
    public static bool IsKnown(string? image) => image is not null && (IsCoreDns(image) || Repository(image) is "quay.io/cilium/starwars" or "quay.io/cilium/json-mock" or "docker.io/cilium/starwars" or "cilium/starwars" or "cilium/json-mock");
}
