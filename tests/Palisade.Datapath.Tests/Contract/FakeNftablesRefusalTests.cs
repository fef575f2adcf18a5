using Palisade.Datapath.Nft;
using Palisade.Datapath.Tests.Support;

namespace Palisade.Datapath.Tests.Contract;

/// <summary>The refusal contract against the fake.</summary>
public sealed class FakeNftablesRefusalTests : NftRefusalContract
{
    protected override Task<(INftBackend Backend, IAsyncDisposable? Owner)> CreateAsync() => Backends.FakeAsync();
}
