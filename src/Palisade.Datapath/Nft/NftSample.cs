namespace Palisade.Datapath.Nft;

/// <summary>
/// <c>numgen random mod N != 0</c>: holds for all but one packet in <see cref="Every"/> on average, so a rule
/// <c>NftSample(N), counter, return</c> lets N−1 in N packets skip what follows — e.g. a log — and one in N reach it.
/// The fake's tracer treats every packet as the sampled one (it never holds), so traced packets reach what follows.
/// </summary>
public sealed record NftSample : NftStatement
{
    /// <summary>Makes the sample.</summary>
    /// <exception cref="NftException">Fewer than 2 (a sample of one is every packet: no statement at all).</exception>
    public NftSample(int every)
    {
        if (every < 2) throw new NftException($"a sample of 1 in {every} is not a sample: give 2 or more, or no sampling at all");
        Every = every;
    }

    /// <summary>One packet in how many is sampled.</summary>
    public int Every { get; }

    /// <inheritdoc/>
    public override string ToString() => $"numgen random mod {Every} != 0";
}
