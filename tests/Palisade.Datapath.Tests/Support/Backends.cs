using Palisade.Datapath.Fake;
using Palisade.Datapath.Kernel;
using Palisade.Datapath.Nft;

namespace Palisade.Datapath.Tests.Support;

/// <summary>Makes the backends the contract tests run against; the kernel one lives in a namespace of its own.</summary>
internal static class Backends
{
    /// <summary>A fresh fake; nothing to release.</summary>
    public static Task<(INftBackend Backend, IAsyncDisposable? Owner)> FakeAsync() =>
        Task.FromResult<(INftBackend, IAsyncDisposable?)>((new FakeNftables(), null));

    /// <summary>libnftables in a new network namespace; the owner deletes both.</summary>
    public static async Task<(INftBackend Backend, IAsyncDisposable? Owner)> KernelAsync()
    {
        var kernel = await KernelInNamespace.CreateAsync();
        return (kernel.Kernel, kernel);
    }
}
