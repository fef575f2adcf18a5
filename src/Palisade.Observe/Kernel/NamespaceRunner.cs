using System.Runtime.ExceptionServices;
using Palisade.Datapath.Kernel;

namespace Palisade.Observe.Kernel;

/// <summary>
/// Runs a function on a short-lived thread that first enters a named network namespace, so sockets it opens live
/// there for life while the caller's thread stays where it is.
/// </summary>
internal static class NamespaceRunner
{
    /// <summary>
    /// The result of <paramref name="work"/> run inside <paramref name="netns"/>, or on the calling thread when it is
    /// null; the work's exception is rethrown here.
    /// </summary>
    /// <exception cref="NetlinkException">The namespace does not exist or cannot be entered (not root).</exception>
    public static T Run<T>(string? netns, Func<T> work)
    {
        if (netns is null) return work();
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Enter(netns);
                result = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }) { IsBackground = true, Name = "netns " + netns };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    private static void Enter(string netns)
    {
        if (NetnsSwitch.Enter(netns) is { } error) throw new NetlinkException(error);
    }
}
