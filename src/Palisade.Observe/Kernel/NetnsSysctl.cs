namespace Palisade.Observe.Kernel;

/// <summary>
/// Writes a <c>/proc/sys/net</c> setting of one network namespace: from a thread inside it, since those files act
/// on the namespace of whoever opens them.
/// </summary>
internal static class NetnsSysctl
{
    /// <summary>Writes <paramref name="value"/> to <c>/proc/sys/</c><paramref name="key"/> (e.g. <c>net/netfilter/nf_conntrack_acct</c>).</summary>
    /// <exception cref="NetlinkException">The namespace or setting does not exist, or not root.</exception>
    public static void Write(string? netns, string key, string value) => NamespaceRunner.Run(netns, () =>
    {
        var path = "/proc/sys/" + key;
        try
        {
            File.WriteAllText(path, value);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NetlinkException($"cannot set {path} to {value} in network namespace {netns ?? "(own)"}: {e.Message}; this needs root and a kernel with conntrack", e);
        }
    });
}
