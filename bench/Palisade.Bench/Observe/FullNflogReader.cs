using Palisade.Observe.Kernel;

namespace Palisade.Bench.Observe;

/// <summary>
/// The bench's measured path: <see cref="NflogReader"/> decoding every event, <see cref="PacketHeaders.TryParse"/>
/// on its payload, and the optional sink, as the agent's flow pipeline would run it.
/// </summary>
internal sealed class FullNflogReader : BenchReader
{
    private readonly NflogReader reader;
    private readonly NflogSink? sink;
    private readonly NflogHandler handler;
    private long parsed;

    /// <summary>Opens <paramref name="group"/> in <paramref name="netns"/>; events go to <paramref name="sink"/> when given.</summary>
    public FullNflogReader(string netns, ushort group, NflogOptions options, NflogSink? sink)
    {
        reader = NflogReader.OpenIn(netns, group, options);
        this.sink = sink;
        handler = Handle;
    }

    /// <inheritdoc/>
    public override string Name => sink is null ? "full (NflogReader + PacketHeaders)" : "full + sink";

    /// <inheritdoc/>
    public override long Received => reader.Received;

    /// <inheritdoc/>
    public override long Overruns => reader.Overruns;

    /// <summary>How many payloads parsed as IP packets, and the loss the reader counted from sequence gaps.</summary>
    public override string Detail => $"; {Volatile.Read(ref parsed):N0} parsed, {reader.Lost:N0} lost by sequence numbers";

    /// <inheritdoc/>
    public override void Dispose() => reader.Dispose();

    /// <inheritdoc/>
    protected override int PollOnce(int timeoutMs) => reader.Poll(handler, timeoutMs);

    private void Handle(in NflogEvent e)
    {
        if (!PacketHeaders.TryParse(e.Payload, out var headers)) return;
        parsed++;
        sink?.Invoke(in e, in headers);
    }
}
