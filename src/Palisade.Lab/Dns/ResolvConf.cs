using System.Globalization;
using System.Net;

namespace Palisade.Lab.Dns;

/// <summary>
/// A pod's /etc/resolv.conf as kubelet writes it for dnsPolicy ClusterFirst, kept where iproute2 finds it:
/// <c>ip netns exec NAME</c> bind-mounts <c>/etc/netns/NAME/resolv.conf</c> over /etc/resolv.conf for the program it runs.
/// </summary>
internal static class ResolvConf
{
    /// <summary>The directory iproute2 reads per-namespace configuration from.</summary>
    public const string NetnsEtc = "/etc/netns";

    /// <summary>
    /// The file kubelet writes for a pod of <paramref name="podNamespace"/>: the search path
    /// <c>NS.svc.DOMAIN svc.DOMAIN DOMAIN</c>, the cluster DNS server, and ndots:5.
    /// </summary>
    public static string Render(string podNamespace, IPAddress nameserver, string clusterDomain = "cluster.local")
    {
        var domain = clusterDomain.Trim('.');
        return string.Create(CultureInfo.InvariantCulture,
            $"search {podNamespace}.svc.{domain} svc.{domain} {domain}\nnameserver {nameserver}\noptions ndots:5\n");
    }

    /// <summary>Where <c>ip netns exec</c> looks for the resolv.conf of namespace <paramref name="netns"/>.</summary>
    /// <exception cref="LabException">The name is not a single path segment.</exception>
    public static string PathFor(string netns) => Path.Combine(DirectoryFor(netns), "resolv.conf");

    /// <summary>Writes <paramref name="content"/> as the resolv.conf of namespace <paramref name="netns"/>, creating its directory.</summary>
    /// <remarks>
    /// The file is rewritten in place, not replaced: a program already running under <c>ip netns exec</c> has the
    /// file's inode bind-mounted and sees the new content.
    /// </remarks>
    public static async Task WriteAsync(string netns, string content)
    {
        Directory.CreateDirectory(DirectoryFor(netns));
        await File.WriteAllTextAsync(PathFor(netns), content).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes the resolv.conf of namespace <paramref name="netns"/>, and its <c>/etc/netns/NAME</c> directory when
    /// that is then empty; nothing else. Does nothing when neither exists.
    /// </summary>
    public static void Delete(string netns)
    {
        var directory = DirectoryFor(netns);
        if (!Directory.Exists(directory)) return;
        File.Delete(PathFor(netns));
        if (!Directory.EnumerateFileSystemEntries(directory).Any()) Directory.Delete(directory);
    }

    private static string DirectoryFor(string netns)
    {
        if (netns.Length == 0 || netns is "." or ".." || netns.Contains('/') || netns.Contains('\0'))
        {
            throw new LabException($"'{netns}' is not a network namespace name (one path segment, as ip netns add takes it)");
        }
        return Path.Combine(NetnsEtc, netns);
    }
}
