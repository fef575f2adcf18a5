using System.Runtime.InteropServices;

namespace Palisade.Observe.Kernel;

/// <summary>The few libc calls the netlink readers make; each sets errno for <see cref="Marshal.GetLastPInvokeError"/>.</summary>
internal static unsafe partial class Libc
{
    public const int AfNetlink = 16;
    public const int SockRaw = 3;
    public const int SockCloexec = 0x80000;
    public const int SolSocket = 1;
    public const int SoRcvbuf = 8;
    public const int SoRcvbufForce = 33;
    public const int SolNetlink = 270;
    public const int NetlinkAddMembership = 1;
    public const int MsgDontWait = 0x40;
    public const int EfdNonBlock = 0x800;
    public const int EfdCloexec = 0x80000;
    public const short PollIn = 1;
    public const int EIntr = 4;
    public const int EAgain = 11;
    public const int ENoBufs = 105;

    /// <summary>One entry of <c>poll(2)</c>'s array.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    public static partial int Bind(int fd, byte* address, int length);

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSockOpt(int fd, int level, int name, int* value, int length);

    [LibraryImport("libc", EntryPoint = "getsockopt", SetLastError = true)]
    public static partial int GetSockOpt(int fd, int level, int name, int* value, int* length);

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    public static partial nint Send(int fd, byte* buffer, nuint length, int flags);

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    public static partial nint Recv(int fd, byte* buffer, nuint length, int flags);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventFd(uint initial, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint length);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint length);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary>The calling thread's errno after the last call above.</summary>
    public static int Errno => Marshal.GetLastPInvokeError();

    /// <summary>errno as text with its number, for messages.</summary>
    public static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
}
