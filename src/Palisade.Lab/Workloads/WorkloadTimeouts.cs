namespace Palisade.Lab.Workloads;

/// <summary>
/// How long a connection may stay silent: <see cref="Sniff"/> for its first bytes (after which the raw greeting is
/// sent), <see cref="Idle"/> for any later read or write (after which it is closed).
/// </summary>
internal sealed record WorkloadTimeouts(TimeSpan Sniff, TimeSpan Idle)
{
    /// <summary>2 s to sniff, 30 s idle.</summary>
    public static WorkloadTimeouts Default { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
}
