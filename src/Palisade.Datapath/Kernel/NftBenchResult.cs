namespace Palisade.Datapath.Kernel;

/// <summary>
/// What <see cref="NftBench.MeasureAsync"/> measured, in milliseconds: one transaction adding <see cref="Elements"/>
/// elements to an empty set, through libnftables and through an <c>nft -f -</c> process; and the median of single-element
/// adds to that set once it holds them, through each.
/// </summary>
public sealed record NftBenchResult(int Elements, double BulkLibnftablesMs, double BulkProcessMs, double SingleLibnftablesMs, double SingleProcessMs)
{
    /// <summary>"N=1000: bulk 12.3 ms (libnftables) vs 45.6 ms (nft -f); one element 0.31 ms vs 17.2 ms".</summary>
    public override string ToString() =>
        $"N={Elements}: bulk {BulkLibnftablesMs:F1} ms (libnftables) vs {BulkProcessMs:F1} ms (nft -f); one element {SingleLibnftablesMs:F2} ms vs {SingleProcessMs:F1} ms";
}
