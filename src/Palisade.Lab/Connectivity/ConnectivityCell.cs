namespace Palisade.Lab.Connectivity;

/// <summary>
/// One probe of a connectivity test: from a pod to a pod or world host on one port, what the engine predicted
/// (allowed or not, and why) and what the kernel did (the probe's outcome: connected or refused means the packets got
/// through; a timeout means they were dropped).
/// </summary>
public sealed record ConnectivityCell(string From, string To, string Probe, bool Predicted, bool Observed, string Outcome, IReadOnlyList<string> Explanation)
{
    /// <summary>True when the kernel did what the engine predicted.</summary>
    public bool Agrees => Predicted == Observed;
}
