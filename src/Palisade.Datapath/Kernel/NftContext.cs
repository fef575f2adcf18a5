using System.Runtime.InteropServices;
using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Kernel;

/// <summary>
/// One libnftables context with buffered output and errors, given its input as <see cref="MemoryFile"/>s. Not thread-safe, and its netlink socket belongs to the
/// network namespace of the thread that created it: create, use and free it on one <see cref="NamespaceThread"/>.
/// </summary>
internal sealed class NftContext : IDisposable
{
    private nint handle;

    /// <summary>Creates the context in the calling thread's network namespace.</summary>
    /// <exception cref="NftException">libnftables is missing or cannot make a context.</exception>
    public NftContext()
    {
        try
        {
            handle = NativeNftables.CtxNew(NativeNftables.DefaultFlags);
        }
        catch (DllNotFoundException e)
        {
            throw new NftException($"cannot load {NativeNftables.Library}; install the nftables package (libnftables1)", e);
        }
        if (handle == 0) throw new NftException("libnftables could not make a context (nft_ctx_new returned NULL)");
        if (NativeNftables.CtxBufferOutput(handle) != 0 || NativeNftables.CtxBufferError(handle) != 0)
        {
            Dispose();
            throw new NftException("libnftables could not buffer its output");
        }
    }

    /// <summary>Runs <paramref name="commands"/> (nft -f text: one transaction) and returns nft's output, as JSON when <paramref name="json"/>.</summary>
    /// <exception cref="NftException">nft refused them (nothing changed): <paramref name="failure"/> followed by nft's error text, which quotes the failing line.</exception>
    public string Run(string commands, string failure, bool json = false)
    {
        ObjectDisposedException.ThrowIf(handle == 0, this);
        var flags = NativeNftables.CtxOutputGetFlags(handle);
        NativeNftables.CtxOutputSetFlags(handle, json ? flags | NativeNftables.OutputJson : flags & ~NativeNftables.OutputJson);
        using var input = new MemoryFile(commands);
        var result = NativeNftables.RunCmdFromFilename(handle, input.Path);
        var output = Marshal.PtrToStringUTF8(NativeNftables.CtxGetOutputBuffer(handle)) ?? "";
        var error = (Marshal.PtrToStringUTF8(NativeNftables.CtxGetErrorBuffer(handle)) ?? "").Replace(input.Path, "line", StringComparison.Ordinal);
        return result == 0 ? output : throw new NftException($"{failure}:\n{error.TrimEnd()}");
    }

    /// <summary>Frees the context (on the thread that made it).</summary>
    public void Dispose()
    {
        if (handle == 0) return;
        NativeNftables.CtxFree(handle);
        handle = 0;
    }
}
