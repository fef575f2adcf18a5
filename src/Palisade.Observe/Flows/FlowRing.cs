using System.Numerics;
using Google.Protobuf.WellKnownTypes;

namespace Palisade.Observe.Flows;

/// <summary>
/// A node's bounded flow buffer, like Hubble's ring: the newest <see cref="Capacity"/> events are kept and a
/// write overwrites the oldest. Each event gets the next sequence number; a reader holds a sequence number and
/// learns from the stored entry's own number whether it was overwritten, so readers never lock and never block
/// the writer. Writers take a lock held for a slot store and a counter bump (uncontended with the one writer the
/// agent has; it only keeps concurrent writers from sharing a sequence number). Publishing the new head is a full
/// fence, so a follower that registered to be woken either sees the new event or is woken by the writer.
/// </summary>
internal sealed class FlowRing
{
    private readonly RingEntry?[] entries;
    private readonly long mask;
    private readonly Lock writeGate = new();
    private long next;
    private long seenFlows;
    private long lostUpstream;
    private long lostToReaders;
    private TaskCompletionSource? waiter;

    /// <summary>A ring holding at least <paramref name="capacity"/> events (rounded up to a power of two).</summary>
    public FlowRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        entries = new RingEntry?[BitOperations.RoundUpToPowerOf2((uint)capacity)];
        mask = entries.Length - 1;
    }

    /// <summary>How many events the ring keeps.</summary>
    public int Capacity => entries.Length;

    /// <summary>The sequence number the next event will get (the count of events ever written).</summary>
    public long Head => Volatile.Read(ref next);

    /// <summary>The sequence number of the oldest event still stored.</summary>
    public long Oldest => Math.Max(0, Head - Capacity);

    /// <summary>How many events are stored.</summary>
    public long Count => Math.Min(Head, Capacity);

    /// <summary>How many flows were ever written (Hubble's seen_flows).</summary>
    public long SeenFlows => Volatile.Read(ref seenFlows);

    /// <summary>How many events were reported lost before reaching the ring (<see cref="AddLost"/>).</summary>
    public long LostUpstream => Volatile.Read(ref lostUpstream);

    /// <summary>How many events readers missed because they were overwritten first.</summary>
    public long LostToReaders => Volatile.Read(ref lostToReaders);

    /// <summary>Stores a flow, overwriting the oldest event when full.</summary>
    public void Write(Flow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        Append(flow, null, flow.Time ?? Timestamp.FromDateTime(DateTime.UtcNow));
    }

    /// <summary>Records that <paramref name="count"/> events were lost upstream; readers get it as a lost-events notice.</summary>
    public void AddLost(ulong count, LostEventSource source, int? cpu = null)
    {
        var lost = new LostEvent { Source = source, NumEventsLost = count, Cpu = cpu };
        Interlocked.Add(ref lostUpstream, (long)count);
        Append(null, lost, Timestamp.FromDateTime(DateTime.UtcNow));
    }

    /// <summary>Reads the flows a query asks for: the stored ones, then (with follow) new ones as they come.</summary>
    public IAsyncEnumerable<RingEntry> ReadAsync(FlowQuery query, CancellationToken cancellationToken) =>
        new RingReader(this, query).ReadAsync(cancellationToken);

    /// <summary>The entry with sequence number <paramref name="seq"/>: null with <paramref name="overwritten"/> false when not written yet.</summary>
    internal RingEntry? TryRead(long seq, out bool overwritten)
    {
        overwritten = false;
        if (seq >= Volatile.Read(ref next))
        {
            return null;
        }
        var entry = Volatile.Read(ref entries[seq & mask]);
        if (entry is null || entry.Seq != seq)
        {
            overwritten = true;
            return null;
        }
        return entry;
    }

    /// <summary>Completes when an event with sequence number <paramref name="seq"/> has been written.</summary>
    internal async Task WaitForAsync(long seq, CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref next) <= seq)
        {
            var wake = Volatile.Read(ref waiter);
            if (wake is null)
            {
                var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wake = Interlocked.CompareExchange(ref waiter, fresh, null) ?? fresh;
            }
            if (Interlocked.Read(ref next) > seq)
            {
                return;
            }
            await wake.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Counts events a reader missed.</summary>
    internal void CountLostToReader(long count) => Interlocked.Add(ref lostToReaders, count);

    private void Append(Flow? flow, LostEvent? lost, Timestamp time)
    {
        lock (writeGate)
        {
            var seq = next;
            Volatile.Write(ref entries[seq & mask], new RingEntry(seq, flow, lost, time));
            if (flow is not null)
            {
                Volatile.Write(ref seenFlows, seenFlows + 1);
            }
            Interlocked.Exchange(ref next, seq + 1);
        }
        var wake = Volatile.Read(ref waiter);
        if (wake is not null && Interlocked.CompareExchange(ref waiter, null, wake) == wake)
        {
            wake.TrySetResult();
        }
    }
}
