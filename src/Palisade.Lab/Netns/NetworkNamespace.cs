using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Palisade.Lab.Netns;

/// <summary>
/// Runs code inside a named network namespace (<c>/var/run/netns/NAME</c>, as <c>ip netns</c> makes them) without
/// starting a process: a dedicated thread enters the namespace with <c>setns(2)</c>, runs the action and ends. A socket
/// belongs to the namespace it was created in for its whole life, so a socket made here can be used from any thread
/// afterwards; that is how one process serves the pods of a whole node.
/// </summary>
/// <remarks>The action must be synchronous: continuations of an awaited task run on other threads, outside the namespace.</remarks>
public static partial class NetworkNamespace
{
    private const int CloneNewNet = 0x40000000;

    /// <summary>The directory where <c>ip netns</c> keeps its namespace handles.</summary>
    public const string Directory = "/var/run/netns";

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
        var path = Path.Combine(Directory, name);
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        if (SetNs((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot enter network namespace {name}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}); Palisade's lab needs root");
        }
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nstype);
}
