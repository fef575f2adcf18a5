using Palisade.Datapath.Nft;
using Palisade.Datapath.Tests.Support;

namespace Palisade.Datapath.Tests.Contract;

/// <summary>The apply contract against the fake.</summary>
public sealed class FakeNftablesApplyTests : NftApplyContract
{
    protected override Task<(INftBackend Backend, IAsyncDisposable? Owner)> CreateAsync() => Backends.FakeAsync();
}
