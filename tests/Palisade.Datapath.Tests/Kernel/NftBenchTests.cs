using Palisade.Datapath.Kernel;

namespace Palisade.Datapath.Tests.Kernel;

[Trait("Requires", "root")]
public sealed class NftBenchTests
{
    [Fact]
    public async Task MeasureAsync_HundredElements_TimesBothPathsAndLeavesNoNamespace()
    {
        var before = Directory.GetFiles("/var/run/netns", "pdb-*").Length;
        var result = await NftBench.MeasureAsync(100);
        Assert.Equal(100, result.Elements);
        Assert.All([result.BulkLibnftablesMs, result.BulkProcessMs, result.SingleLibnftablesMs, result.SingleProcessMs], ms => Assert.True(ms > 0));
        Assert.Equal(before, Directory.GetFiles("/var/run/netns", "pdb-*").Length);
    }
}
