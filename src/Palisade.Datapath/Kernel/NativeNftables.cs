using System.Runtime.InteropServices;

namespace Palisade.Datapath.Kernel;

/// <summary>The libnftables calls this layer uses (libnftables.so.1, as Debian ships it with nftables 1.0.x).</summary>
internal static partial class NativeNftables
{
    /// <summary>The library's file name.</summary>
    public const string Library = "libnftables.so.1";

    /// <summary><c>NFT_CTX_DEFAULT</c>.</summary>
    public const uint DefaultFlags = 0;

    /// <summary><c>NFT_CTX_OUTPUT_JSON</c>.</summary>
    public const uint OutputJson = 1u << 4;

    [LibraryImport(Library, EntryPoint = "nft_ctx_new")]
    public static partial nint CtxNew(uint flags);

    [LibraryImport(Library, EntryPoint = "nft_ctx_free")]
    public static partial void CtxFree(nint ctx);

    [LibraryImport(Library, EntryPoint = "nft_ctx_buffer_output")]
    public static partial int CtxBufferOutput(nint ctx);

    [LibraryImport(Library, EntryPoint = "nft_ctx_buffer_error")]
    public static partial int CtxBufferError(nint ctx);

    [LibraryImport(Library, EntryPoint = "nft_ctx_get_output_buffer")]
    public static partial nint CtxGetOutputBuffer(nint ctx);

    [LibraryImport(Library, EntryPoint = "nft_ctx_get_error_buffer")]
    public static partial nint CtxGetErrorBuffer(nint ctx);

    [LibraryImport(Library, EntryPoint = "nft_ctx_output_get_flags")]
    public static partial uint CtxOutputGetFlags(nint ctx);

    [LibraryImport(Library, EntryPoint = "nft_ctx_output_set_flags")]
    public static partial void CtxOutputSetFlags(nint ctx, uint flags);

    [LibraryImport(Library, EntryPoint = "nft_run_cmd_from_filename", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int RunCmdFromFilename(nint ctx, string filename);
}
