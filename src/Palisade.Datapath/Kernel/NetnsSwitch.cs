using System.Runtime.InteropServices;

namespace Palisade.Datapath.Kernel;

/// <summary>
/// Moves the calling thread into a named network namespace (<c>/var/run/netns/NAME</c>, as <c>ip netns</c> makes
/// them) with <c>setns(2)</c>. Only that thread moves; sockets and netlink contexts it creates belong there for life.
/// The one place the lab and the data plane enter namespaces.
/// </summary>
public static partial class NetnsSwitch
{
    private const int CloneNewNet = 0x40000000;

    /// <summary>The directory where <c>ip netns</c> keeps its namespace handles.</summary>
    public const string Directory = "/var/run/netns";

    /// <summary>Enters namespace <paramref name="name"/>; null on success, otherwise what went wrong and what to do.</summary>
    public static string? Enter(string name)
    {
        var path = Path.Combine(Directory, name);
        if (!File.Exists(path)) return $"network namespace {name} does not exist ({path}); create it with 'ip netns add {name}'";
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        if (SetNs((int)handle.DangerousGetHandle(), CloneNewNet) == 0) return null;
        var errno = Marshal.GetLastPInvokeError();
        return $"cannot enter network namespace {name}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}); this needs root";
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nstype);
}
