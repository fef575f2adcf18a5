using Palisade.Datapath.Kernel;

namespace Palisade.Datapath.Tests.Support;

/// <summary>A <see cref="LibNftables"/> in a namespace made for it (needs root); disposing frees both.</summary>
internal sealed class KernelInNamespace : IAsyncDisposable
{
    private readonly TestNetworks nets;

    private KernelInNamespace(TestNetworks nets, string netns, LibNftables kernel) => (this.nets, Namespace, Kernel) = (nets, netns, kernel);

    /// <summary>The namespace.</summary>
    public string Namespace { get; }

    /// <summary>The backend.</summary>
    public LibNftables Kernel { get; }

    /// <summary>Makes the namespace and opens libnftables in it.</summary>
    public static async Task<KernelInNamespace> CreateAsync()
    {
        var nets = new TestNetworks();
        try
        {
            var netns = await nets.NamespaceAsync("nft");
            return new KernelInNamespace(nets, netns, new LibNftables(netns));
        }
        catch
        {
            await nets.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Kernel.Dispose();
        await nets.DisposeAsync();
    }
}
