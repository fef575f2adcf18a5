using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;

namespace Palisade.Observe.Flows;

/// <summary>
/// One read of a <see cref="FlowRing"/> for a <see cref="FlowQuery"/>, as Hubble's ring reader: the last (or
/// first) <c>number</c> matching flows, then with follow every new matching flow. Lost-events notices stored in
/// the ring are passed on whatever the filters; when the reader falls more than the ring's capacity behind it
/// yields a <see cref="LostEventSource.HubbleRingBuffer"/> notice with the exact number of events it missed and
/// carries on from the oldest stored event.
/// </summary>
internal sealed class RingReader(FlowRing ring, FlowQuery query)
{
    /// <summary>Yields the entries the query asks for.</summary>
    public async IAsyncEnumerable<RingEntry> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var head = ring.Head;
        var pos = query.First ? ring.Oldest : StartOf(head);
        var end = query.Follow ? long.MaxValue : head;
        var budget = query.First && query.Number > 0 ? query.Number : ulong.MaxValue;
        while (pos < end && budget > 0)
        {
            var entry = ring.TryRead(pos, out var overwritten);
            if (overwritten)
            {
                var missed = ring.Oldest - pos;
                ring.CountLostToReader(missed);
                pos += missed;
                yield return Lost(missed);
            }
            else if (entry is null)
            {
                await ring.WaitForAsync(pos, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                pos++;
                if (Wanted(entry))
                {
                    budget -= entry.Flow is null ? 0UL : 1UL;
                    yield return entry;
                }
            }
        }
    }

    private bool Wanted(RingEntry entry) =>
        entry.Flow is null ? query.InWindow(entry.Time) : query.Includes(entry.Flow, entry.Time);

    /// <summary>Where reading starts: before the last <c>number</c> matching flows, at the head for a bare follow, else the oldest event.</summary>
    private long StartOf(long head)
    {
        var oldest = Math.Max(0, head - ring.Capacity);
        if (query.Number == 0)
        {
            return query.Follow && query.Since is null ? head : oldest;
        }
        var found = 0UL;
        for (var seq = head - 1; seq >= oldest; seq--)
        {
            var entry = ring.TryRead(seq, out _);
            if (entry is null)
            {
                return seq + 1;
            }
            if (entry.Flow is not null && query.Includes(entry.Flow, entry.Time) && ++found == query.Number)
            {
                return seq;
            }
        }
        return oldest;
    }

    private static RingEntry Lost(long missed) => new(
        -1,
        null,
        new LostEvent { Source = LostEventSource.HubbleRingBuffer, NumEventsLost = (ulong)missed },
        Timestamp.FromDateTime(DateTime.UtcNow));
}
