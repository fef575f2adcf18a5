using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Kernel;

/// <summary>
/// Text in an anonymous in-memory file (<c>memfd_create(2)</c>), readable by path while this object lives. libnftables
/// gets transactions this way, not as a buffer, because nft 1.0.6 quotes the first line of a buffer in every error
/// whatever line failed, while for a file it quotes the failing line with its number.
/// </summary>
internal sealed partial class MemoryFile : IDisposable
{
    private const uint CloseOnExec = 1;
    private readonly SafeFileHandle handle;

    /// <summary>Writes <paramref name="text"/> (UTF-8) into a new memory file.</summary>
    /// <exception cref="NftException">The kernel refused to make one.</exception>
    public MemoryFile(string text)
    {
        var fd = Create("palisade-nft", CloseOnExec);
        if (fd < 0) throw new NftException($"cannot make an in-memory file for nft: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        handle = new SafeFileHandle(fd, ownsHandle: true);
        RandomAccess.Write(handle, Encoding.UTF8.GetBytes(text), 0);
        Path = "/proc/self/fd/" + fd.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A path that opens the file from its start.</summary>
    public string Path { get; }

    /// <summary>Closes the file; its memory is freed.</summary>
    public void Dispose() => handle.Dispose();

    [LibraryImport("libc", EntryPoint = "memfd_create", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Create(string name, uint flags);
}
