using Palisade.Lab.Workloads;

namespace Palisade.Lab.Tests.Workloads;

[Trait("Requires", "root")]
public sealed class WorkloadMemoryTests
{
    [Fact]
    public async Task MeasureAsync_TwoPods_AnswersFromEveryPodAndReadsTheRss()
    {
        var report = await WorkloadMemory.MeasureAsync(2);

        Assert.Equal(2, report.Answered);
        Assert.True(report.RssServingKiB > 0 && report.RssBeforeKiB > 0);
        Assert.StartsWith("2 pods: RSS ", report.ToString());
    }
}
