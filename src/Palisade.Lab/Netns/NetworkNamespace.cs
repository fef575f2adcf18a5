using System.Net.Sockets;
using System.Runtime.ExceptionServices;

namespace Palisade.Lab.Netns;

/// <summary>
/// Runs code inside a named network namespace (<c>/var/run/netns/NAME</c>, as <c>ip netns</c> makes them) without
/// starting a process: a dedicated thread enters the namespace with <c>setns(2)</c>, runs the action and ends. A socket
/// belongs to the namespace it was created in for its whole life, so a socket made here can be used from any thread
/// afterwards; that is how one process serves the pods of a whole node.
/// </summary>
/// <remarks>The action must be synchronous: continuations of an awaited task run on other threads, outside the namespace.</remarks>
public static class NetworkNamespace
{
    /// <summary>The directory where <c>ip netns</c> keeps its namespace handles.</summary>
    public const string Directory = Datapath.Kernel.NetnsSwitch.Directory;

    /// <summary>True when a namespace of this name exists.</summary>
    public static bool Exists(string name) => File.Exists(Path.Combine(Directory, name));

    /// <summary>Runs <paramref name="action"/> inside namespace <paramref name="name"/> and returns its result.</summary>
    public static T Run<T>(string name, Func<T> action)
    {
        T result = default!;
        ExceptionDispatchInfo? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                Enter(name);
                result = action();
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }
        }, 256 * 1024) { IsBackground = true, Name = "netns " + name };
        thread.Start();
        thread.Join();
        error?.Throw();
        return result;
    }

    /// <summary>Runs <paramref name="action"/> inside namespace <paramref name="name"/>.</summary>
    public static void Run(string name, Action action) => Run(name, () => { action(); return 0; });

    /// <summary>Creates a socket that lives in namespace <paramref name="name"/>.</summary>
    public static Socket CreateSocket(string name, AddressFamily family, SocketType type, ProtocolType protocol) =>
        Run(name, () => new Socket(family, type, protocol));

    private static void Enter(string name)
    {
        if (Datapath.Kernel.NetnsSwitch.Enter(name) is { } error) throw new IOException(error);
    }
}
