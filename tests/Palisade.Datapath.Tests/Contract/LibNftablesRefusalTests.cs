using Palisade.Datapath.Nft;
using Palisade.Datapath.Tests.Support;

namespace Palisade.Datapath.Tests.Contract;

/// <summary>The refusal contract against the kernel, through libnftables in a namespace of its own.</summary>
[Trait("Requires", "root")]
public sealed class LibNftablesRefusalTests : NftRefusalContract
{
    protected override Task<(INftBackend Backend, IAsyncDisposable? Owner)> CreateAsync() => Backends.KernelAsync();
}
