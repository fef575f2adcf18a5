namespace Palisade.Lab.Connectivity;

/// <summary>The result of a connectivity test: every cell, the sources and destinations in order, and the disagreements.</summary>
public sealed record ConnectivityReport(IReadOnlyList<string> Sources, IReadOnlyList<string> Destinations, IReadOnlyList<string> Probes, IReadOnlyList<ConnectivityCell> Cells)
{
    /// <summary>The cells where the kernel and the engine disagree.</summary>
    public IReadOnlyList<ConnectivityCell> Mismatches => [.. Cells.Where(c => !c.Agrees)];
}
