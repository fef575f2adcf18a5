namespace Palisade.Bench.Lab;

/// <summary>One round's two runs of a probe: without policy and with it, measured back to back.</summary>
internal sealed record DatapathPair(DpRrResult NoPolicy, DpRrResult Policy)
{
    /// <summary>Policy over no policy.</summary>
    public double Ratio => Policy.Rate / NoPolicy.Rate;
}
