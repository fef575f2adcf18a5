namespace Palisade.Bench.Lab;

/// <summary>Everything measured for one allow-set size: apply times and, per probe, one pair per round.</summary>
internal sealed class DatapathRow(int entries)
{
    /// <summary>Allow-set entries (0: no policy on both sides, the noise row).</summary>
    public int Entries { get; } = entries;

    /// <summary>Milliseconds from apply of the policy to the controller's answer, one per apply.</summary>
    public List<double> ApplyMs { get; } = [];

    /// <summary>Per probe, the pairs of the rounds in order.</summary>
    public Dictionary<DatapathProbe, List<DatapathPair>> Pairs { get; } = [];

    /// <summary>Adds one round's runs without and with policy.</summary>
    public void Add(IReadOnlyDictionary<DatapathProbe, DpRrResult> noPolicy, IReadOnlyDictionary<DatapathProbe, DpRrResult> policy)
    {
        foreach (var (probe, result) in noPolicy)
        {
            if (!Pairs.TryGetValue(probe, out var pairs)) Pairs[probe] = pairs = [];
            pairs.Add(new DatapathPair(result, policy[probe]));
        }
    }
}
