namespace Palisade.Observe.Kernel;

/// <summary>
/// A netlink socket could not be made or configured: not root, a namespace that does not exist, or a kernel without
/// the feature (NFLOG, conntrack). The message says what went wrong and what to do.
/// </summary>
public sealed class NetlinkException : Exception
{
    /// <summary>An exception with no message.</summary>
    public NetlinkException()
    {
    }

    /// <summary>An exception with <paramref name="message"/>.</summary>
    public NetlinkException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with <paramref name="message"/> caused by <paramref name="inner"/>.</summary>
    public NetlinkException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
