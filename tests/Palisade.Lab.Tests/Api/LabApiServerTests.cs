using Palisade.Lab.Api;

namespace Palisade.Lab.Tests.Api;

public sealed class LabApiServerTests
{
    [Fact]
    public async Task Messages_EmittedInParallel_ReachTheClientWholeAndInOrderOfTheirLines()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"palisade-api-{Guid.NewGuid():N}.sock");
        await using var server = LabApiServer.Start(socket, async (request, emit, ct) =>
        {
            await Parallel.ForEachAsync(Enumerable.Range(1, 500), ct, async (i, _) => await emit(ApiMessage.Progress("step", i, 500)));
            await emit(ApiMessage.Result(true));
        });
        var received = new List<ApiMessage>();
        var result = await LabApiClient.SendAsync(socket, new ApiRequest("status"), received.Add);
        Assert.True(result.Ok);
        Assert.Equal(500, received.Count);
        Assert.Equal(Enumerable.Range(1, 500), received.Select(m => m.Done!.Value).Order());
    }

    [Fact]
    public async Task Handler_Throws_ClientGetsTheMessageAsAFailedResult()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"palisade-api-{Guid.NewGuid():N}.sock");
        await using var server = LabApiServer.Start(socket, (_, _, _) => throw new LabException("no such thing"));
        var result = await LabApiClient.SendAsync(socket, new ApiRequest("status"), _ => { });
        Assert.False(result.Ok);
        Assert.Equal("no such thing", result.Text);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(socket));
    }
}
