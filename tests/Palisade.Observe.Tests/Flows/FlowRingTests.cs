using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Palisade.Observe.Api;
using Palisade.Observe.Flows;

namespace Palisade.Observe.Tests.Flows;

public class FlowRingTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 8)]
    [InlineData(4096, 4096)]
    [InlineData(4095, 4096)]
    public void CapacityIsRoundedUpToAPowerOfTwo(int asked, int capacity) => Assert.Equal(capacity, new FlowRing(asked).Capacity);

    [Fact]
    public async Task AFullRingDropsTheOldest()
    {
        var ring = Filled(capacity: 8, count: 10);
        Assert.Equal(8, ring.Count);
        Assert.Equal(10, ring.SeenFlows);
        Assert.Equal(2, ring.Oldest);
        Assert.Equal(Enumerable.Range(2, 8), Indices(await Read(ring, new GetFlowsRequest())));
    }

    [Fact]
    public async Task LastAndFirstReturnTheNewestAndOldestInOrder()
    {
        var ring = Filled(capacity: 8, count: 10);
        Assert.Equal([7, 8, 9], Indices(await Read(ring, new GetFlowsRequest { Number = 3 })));
        Assert.Equal([2, 3, 4], Indices(await Read(ring, new GetFlowsRequest { Number = 3, First = true })));
        Assert.Equal(Enumerable.Range(2, 8), Indices(await Read(ring, new GetFlowsRequest { Number = 100 })));
    }

    [Fact]
    public async Task LastCountsOnlyMatchingFlows()
    {
        var ring = Filled(capacity: 16, count: 10);
        var evenPorts = new FlowFilter { DestinationPort = { "1000", "1002", "1004", "1006", "1008" } };
        var request = new GetFlowsRequest { Number = 2, Whitelist = { evenPorts } };
        Assert.Equal([6, 8], Indices(await Read(ring, request)));
        request.First = true;
        Assert.Equal([0, 2], Indices(await Read(ring, request)));
    }

    [Fact]
    public async Task SinceAndUntilBoundTheTimes()
    {
        var ring = Filled(capacity: 16, count: 10);
        var request = new GetFlowsRequest { Since = At(3), Until = At(6) };
        Assert.Equal([3, 4, 5, 6], Indices(await Read(ring, request)));
        request.Number = 2;
        Assert.Equal([5, 6], Indices(await Read(ring, request)));
    }

    [Fact]
    public async Task AFollowerGetsTheLastFlowsThenNewOnesInOrder()
    {
        var ring = Filled(capacity: 16, count: 3);
        using var cts = new CancellationTokenSource(Deadline);
        var reader = ring.ReadAsync(FlowQuery.From(new GetFlowsRequest { Number = 2, Follow = true }), cts.Token).GetAsyncEnumerator(cts.Token);
        var first = await Next(reader);
        Assert.Equal(new[] { 1, 2 }, new[] { first, await Next(reader) });
        var pending = reader.MoveNextAsync();
        Assert.False(pending.IsCompleted);
        ring.Write(Flow(3));
        Assert.True(await pending);
        Assert.Equal(3, Index(reader.Current));
        ring.Write(Flow(4));
        ring.Write(Flow(5));
        var fourth = await Next(reader);
        Assert.Equal(new[] { 4, 5 }, new[] { fourth, await Next(reader) });
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.MoveNextAsync());
    }

    [Fact]
    public async Task ABareFollowStartsAtTheHead()
    {
        var ring = Filled(capacity: 16, count: 3);
        using var cts = new CancellationTokenSource(Deadline);
        await using var reader = ring.ReadAsync(FlowQuery.From(new GetFlowsRequest { Follow = true }), cts.Token).GetAsyncEnumerator(cts.Token);
        var pending = reader.MoveNextAsync();
        ring.Write(Flow(3));
        Assert.True(await pending);
        Assert.Equal(3, Index(reader.Current));
    }

    [Fact]
    public async Task ASlowFollowerIsToldExactlyHowManyEventsItMissed()
    {
        var ring = new FlowRing(8);
        using var cts = new CancellationTokenSource(Deadline);
        await using var reader = ring.ReadAsync(FlowQuery.From(new GetFlowsRequest { Follow = true }), cts.Token).GetAsyncEnumerator(cts.Token);
        var pending = reader.MoveNextAsync();
        ring.Write(Flow(0));
        Assert.True(await pending);
        for (var i = 1; i <= 20; i++)
        {
            ring.Write(Flow(i));
        }
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(new LostEvent { Source = LostEventSource.HubbleRingBuffer, NumEventsLost = 12 }, reader.Current.Lost);
        var rest = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            rest.Add(await Next(reader));
        }
        Assert.Equal(Enumerable.Range(13, 8), rest);
        Assert.Equal(12, ring.LostToReaders);
    }

    [Fact]
    public async Task UpstreamLossesReachReadersWhateverTheFilters()
    {
        var ring = Filled(capacity: 16, count: 2);
        ring.AddLost(7, LostEventSource.PerfEventRingBuffer, cpu: 1);
        ring.Write(Flow(2));
        var entries = await Read(ring, new GetFlowsRequest { Whitelist = { new FlowFilter { DestinationPort = { "1002" } } } });
        Assert.Equal(2, entries.Count);
        Assert.Equal(new LostEvent { Source = LostEventSource.PerfEventRingBuffer, NumEventsLost = 7, Cpu = 1 }, entries[0].Lost);
        Assert.Equal(2, Index(entries[1]));
        Assert.Equal(7, ring.LostUpstream);
        Assert.Equal(3, ring.SeenFlows);
    }

    [Fact]
    public async Task ConcurrentReadersAccountForEveryFlowTheyMiss()
    {
        const int total = 200_000;
        const int readers = 3;
        var ring = new FlowRing(1024);
        ring.Write(Flow(0));
        var started = new CountdownEvent(readers);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var tasks = Enumerable.Range(0, readers).Select(r => Task.Run(() => Follow(ring, r, total, started, cts.Token))).ToArray();
        Assert.True(started.Wait(Deadline));
        var writer = Task.Run(() =>
        {
            for (var i = 1; i < total; i++)
            {
                ring.Write(Flow(i));
            }
        });
        await writer;
        var results = await Task.WhenAll(tasks);
        foreach (var (received, lost) in results)
        {
            Assert.Equal(total, received + lost);
        }
        Assert.Equal(results.Sum(r => r.Lost), ring.LostToReaders);
    }

    private static async Task<(long Received, long Lost)> Follow(FlowRing ring, int slowness, int total, CountdownEvent started, CancellationToken ct)
    {
        long received = 0, lost = 0, last = -1;
        var query = FlowQuery.From(new GetFlowsRequest { Follow = true, Since = At(-1) });
        await foreach (var entry in ring.ReadAsync(query, ct))
        {
            if (entry.Lost is { } l)
            {
                lost += (long)l.NumEventsLost;
                last += (long)l.NumEventsLost;
            }
            else
            {
                var index = Index(entry);
                Assert.Equal(last + 1, index);
                last = index;
                if (received++ == 0)
                {
                    started.Signal();
                }
                if (slowness > 0 && index % (100 * slowness) == 0)
                {
                    Thread.Sleep(1);
                }
            }
            if (received + lost == total)
            {
                break;
            }
        }
        return (received, lost);
    }

    internal static Flow Flow(int i) => TestFlows.Tcp(dport: (uint)(1000 + i), second: i).WithUuid(i);

    private static FlowRing Filled(int capacity, int count)
    {
        var ring = new FlowRing(capacity);
        for (var i = 0; i < count; i++)
        {
            ring.Write(Flow(i));
        }
        return ring;
    }

    private static async Task<List<RingEntry>> Read(FlowRing ring, GetFlowsRequest request)
    {
        using var cts = new CancellationTokenSource(Deadline);
        var entries = new List<RingEntry>();
        await foreach (var entry in ring.ReadAsync(FlowQuery.From(request), cts.Token))
        {
            entries.Add(entry);
        }
        return entries;
    }

    private static async Task<int> Next(IAsyncEnumerator<RingEntry> reader)
    {
        Assert.True(await reader.MoveNextAsync());
        return Index(reader.Current);
    }

    private static int Index(RingEntry entry) => int.Parse(entry.Flow!.Uuid, CultureInfo.InvariantCulture);

    private static IEnumerable<int> Indices(IEnumerable<RingEntry> entries) => entries.Select(Index);

    private static Timestamp At(int second) => Timestamp.FromDateTime(TestFlows.BaseTime.AddSeconds(second));
}
